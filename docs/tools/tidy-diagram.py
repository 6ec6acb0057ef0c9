#!/usr/bin/env python3
"""Redraws a model's flows and labels from its shapes' positions, changing only DI coordinates.

    python3 docs/tools/tidy-diagram.py processes/te-referral.bpmn [layout.py]

The optional layout file (Python) may set:
  place    = {'Task_X': (centre_x, centre_y), ...}   move shapes (keeps their size)
  size     = {'Task_X': (width, height), ...}          resize shapes
  boundary = {'Timer_X': ('bottom', dx), ...}          boundary event centred on its host's side,
                                                      dx from the host's left edge
  via      = {'Flow_X': [(x, y), ...] or 'auto', ...}  inner waypoints (the ends dock on the shapes)
  label    = {'Gateway_X': 'above'|'below'|'left'|'right'|(x, y), ...}   where a label goes
  lanes    = [('Lane_X', height), ...]                 lane heights, top to bottom
  keep_routes = True                                  keep the drawn flows (except those in via)
  keep_labels = ['Flow_X', ...]                       labels left where they are
Every other flow is routed orthogonally, every label is sized as Camunda Modeler (bpmn-js) sizes
it (Arial 11 px, wrapped at 90 px). Only numbers inside the bpmndi: section change, so the file
merges with edits of the process part. Check the result with ModelConventionsTest and look at
the picture (docs/tools/render-diagrams).
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

BPMN = '{http://www.omg.org/spec/BPMN/20100524/MODEL}'
WIDTHS = {}
for chars, w in [('ijl', 222), ('ftI!.,:;/ []', 278), ('r()-"', 333), ('cksvxyzJ', 500), ('m', 833),
                 ('wCDHNRUÅ', 722), ('GOQÖ', 778), ('FTZ', 611), ('L', 556), ('M', 833), ('W', 944),
                 ('ABEKPSVXYÄ', 667), ('—', 1000), ('%', 889)]:
    for c in chars:
        WIDTHS[c] = w


def text_width(text, size=11):
    return sum(WIDTHS.get(c, 556) for c in text) * size / 1000


def label_size(text):
    """Width and height of an outside label as bpmn-js lays it out (lines under 90 px)."""
    units = []
    for word in text.split():
        for j, part in enumerate(re.split(r'(?<=-)|\u00ad', word)):
            if part:
                units.append((part, ' ' if j == 0 and units else ''))
    lines, line = [], ''
    for part, sep in units:
        candidate = line + sep + part if line else part
        if line and text_width(candidate) >= 87:  # bpmn-js measures a little wider than Arial's advances
            lines.append(line + ('-' if sep == '' and not line.endswith('-') else ''))
            line = part
        else:
            line = candidate
    if line:
        lines.append(line)
    width = max(text_width(l) for l in lines) if lines else 0
    return math.ceil(width) + 1, math.ceil(len(lines) * 13.2)


class Box:
    def __init__(self, x, y, w, h):
        self.x, self.y, self.w, self.h = x, y, w, h

    cx = property(lambda s: s.x + s.w / 2)
    cy = property(lambda s: s.y + s.h / 2)
    right = property(lambda s: s.x + s.w)
    bottom = property(lambda s: s.y + s.h)


def main(path, layout_path=None):
    text = open(path, encoding='utf-8').read()
    root = ET.fromstring(text.encode('utf-8'))
    spec = {}
    if layout_path:
        exec(open(layout_path, encoding='utf-8').read(), spec)
    place, size, boundary = spec.get('place', {}), spec.get('size', {}), spec.get('boundary', {})
    via, label_at, lanes = spec.get('via', {}), spec.get('label', {}), spec.get('lanes', [])

    kinds, names, flows, attached = {}, {}, {}, {}
    for el in root.iter():
        if not el.tag.startswith(BPMN) or 'id' not in el.attrib:
            continue
        kind = el.tag[len(BPMN):]
        kinds[el.get('id')] = kind
        if el.get('name'):
            names[el.get('id')] = el.get('name')
        if kind == 'sequenceFlow':
            flows[el.get('id')] = (el.get('sourceRef'), el.get('targetRef'))
        if kind == 'boundaryEvent':
            attached[el.get('id')] = el.get('attachedToRef')

    shape_re = re.compile(r'<bpmndi:BPMNShape\b[^>]*bpmnElement="([^"]+)"[^>]*>.*?</bpmndi:BPMNShape>', re.S)
    bounds_re = re.compile(r'<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)" />')
    boxes = {}
    for m in shape_re.finditer(text):
        b = bounds_re.search(m.group(0))
        boxes[m.group(1)] = Box(*(float(v) for v in b.groups()))
    for id_, (w, h) in size.items():
        b = boxes[id_]
        boxes[id_] = Box(b.cx - w / 2, b.cy - h / 2, w, h)
    for id_, (cx, cy) in place.items():
        b = boxes[id_]
        boxes[id_] = Box(cx - b.w / 2, cy - b.h / 2, b.w, b.h)
    for id_, host in attached.items():
        h, b = boxes[host], boxes[id_]
        side, dx = boundary.get(id_, ('bottom' if b.cy > h.cy else 'top', None))
        if dx is None:
            dx = b.cx - h.x
        cy = h.bottom if side == 'bottom' else h.y
        boxes[id_] = Box(h.x + dx - b.w / 2, cy - b.h / 2, b.w, b.h)
    if lanes:
        content = [b for i, b in boxes.items() if kinds.get(i) not in ('lane', 'participant')]
        right = max(b.right for b in content) + 60
        y = boxes[lanes[0][0]].y
        for lane, height in lanes:
            boxes[lane] = Box(150, y, right - 150, height)
            y += height
        for i, k in kinds.items():
            if k == 'participant' and i in boxes:
                boxes[i] = Box(120, boxes[lanes[0][0]].y, right - 120, y - boxes[lanes[0][0]].y)

    def dock(box, toward, kind):
        """The point where a flow from the box's centre towards the point leaves the box."""
        px, py = toward
        if abs(px - box.cx) < 0.5:
            return (box.cx, box.bottom if py > box.cy else box.y)
        if abs(py - box.cy) < 0.5:
            return (box.right if px > box.cx else box.x, box.cy)
        return (box.right if px > box.cx else box.x, box.cy)

    def route(fid):
        s, t = flows[fid]
        sb, tb = boxes[s], boxes[t]
        sk, tk = kinds[s], kinds[t]
        if via.get(fid, 'auto') != 'auto':
            inner = via[fid]
            return [dock(sb, inner[0], sk)] + list(inner) + [dock(tb, inner[-1], tk)]
        if sk == 'boundaryEvent':
            down = sb.cy >= boxes[attached[s]].cy
            start = (sb.cx, sb.bottom if down else sb.y)
            if abs(tb.cx - sb.cx) < 0.5:
                return [start, (sb.cx, tb.y if down else tb.bottom)]
            return [start, (sb.cx, tb.cy), (tb.x if tb.cx > sb.cx else tb.right, tb.cy)]
        if abs(sb.cy - tb.cy) < 0.5:
            return [(sb.right, sb.cy), (tb.x, tb.cy)] if tb.cx > sb.cx else [(sb.x, sb.cy), (tb.right, tb.cy)]
        if abs(sb.cx - tb.cx) < 0.5:
            return [(sb.cx, sb.bottom), (tb.cx, tb.y)] if tb.cy > sb.cy else [(sb.cx, sb.y), (tb.cx, tb.bottom)]
        down = tb.cy > sb.cy
        if 'Gateway' in sk and 'Gateway' not in tk or ('Gateway' in sk and tb.cx > sb.cx):
            return [(sb.cx, sb.bottom if down else sb.y), (sb.cx, tb.cy), (tb.x if tb.cx > sb.cx else tb.right, tb.cy)]
        if 'Gateway' in tk:
            return [(sb.right if tb.cx > sb.cx else sb.x, sb.cy), (tb.cx, sb.cy), (tb.cx, tb.y if down else tb.bottom)]
        mx = (sb.right + tb.x) / 2
        return [(sb.right, sb.cy), (mx, sb.cy), (mx, tb.cy), (tb.x, tb.cy)]

    edge_re = re.compile(r'<bpmndi:BPMNEdge\b[^>]*bpmnElement="([^"]+)"[^>]*>.*?</bpmndi:BPMNEdge>', re.S)
    drawn = {}
    for m in edge_re.finditer(text):
        drawn[m.group(1)] = [(float(x), float(y)) for x, y in
                             re.findall(r'<di:waypoint x="([-\d.]+)" y="([-\d.]+)" />', m.group(0))]
    keep = spec.get('keep_routes', False)
    points = {fid: drawn[fid] if keep and fid not in via else route(fid) for fid in flows}
    kept_labels = set(spec.get('keep_labels', []))

    def place_label(id_, w, h):
        where = label_at.get(id_)
        if isinstance(where, tuple):
            return Box(where[0], where[1], w, h)
        if id_ in points:
            p0, p1 = points[id_][0], points[id_][1]
            if where == 'end':
                p0, p1 = points[id_][-1], points[id_][-2]
            if abs(p0[1] - p1[1]) < 0.5:
                x = p0[0] + 6 if p1[0] > p0[0] else p0[0] - 6 - w
                return Box(x, p0[1] - 4 - h, w, h)
            y = p0[1] + 6 if p1[1] > p0[1] else p0[1] - 6 - h
            return Box(p0[0] + 5 if where != 'left' else p0[0] - 5 - w, y, w, h)
        b = boxes[id_]
        if where is None:
            where = 'above' if 'Gateway' in kinds[id_] else 'below'
            if kinds[id_] == 'boundaryEvent':
                where = 'boundary'
        if where == 'above':
            return Box(b.cx - w / 2, b.y - 6 - h, w, h)
        if where == 'left':
            return Box(b.x - 6 - w, b.cy - h / 2, w, h)
        if where == 'right':
            return Box(b.right + 6, b.cy - h / 2, w, h)
        if where == 'boundary':
            return Box(b.right + 2, b.bottom - 4, w, h)
        if where == 'belowleft':
            return Box(b.x - w - 2, b.bottom - 4, w, h)
        return Box(b.cx - w / 2, b.bottom + 7, w, h)

    labels = {}
    for id_, name in names.items():
        kind = kinds[id_]
        if (id_ not in boxes and id_ not in points) or id_ in kept_labels:
            continue
        if kind.endswith('Task') or kind in ('task', 'subProcess', 'lane', 'participant', 'callActivity'):
            continue
        labels[id_] = place_label(id_, *label_size(name))

    def fmt(v):
        r = round(v)
        return str(r)

    def bounds(b):
        return f'<dc:Bounds x="{fmt(b.x)}" y="{fmt(b.y)}" width="{fmt(b.w)}" height="{fmt(b.h)}" />'

    def new_shape(m):
        block, id_ = m.group(0), m.group(1)
        found = list(bounds_re.finditer(block))
        out = block[:found[0].start()] + bounds(boxes[id_]) + block[found[0].end():]
        if id_ in labels:
            lab = re.search(r'<bpmndi:BPMNLabel>\s*<dc:Bounds[^>]*/>\s*</bpmndi:BPMNLabel>', out)
            new = '<bpmndi:BPMNLabel>' + bounds(labels[id_]) + '</bpmndi:BPMNLabel>'
            if lab:
                out = out[:lab.start()] + new + out[lab.end():]
            else:
                out = out.replace('</bpmndi:BPMNShape>', new + '</bpmndi:BPMNShape>')
        return out

    text = shape_re.sub(new_shape, text)

    def new_edge(m):
        block, id_ = m.group(0), m.group(1)
        wps = list(re.finditer(r'<di:waypoint [^>]*/>', block))
        sep = block[wps[0].end():wps[1].start()] if len(wps) > 1 else ''
        new = sep.join(f'<di:waypoint x="{fmt(x)}" y="{fmt(y)}" />' for x, y in points[id_])
        out = block[:wps[0].start()] + new + block[wps[-1].end():]
        if id_ in labels:
            lab = re.search(r'<bpmndi:BPMNLabel>\s*<dc:Bounds[^>]*/>\s*</bpmndi:BPMNLabel>', out)
            newl = '<bpmndi:BPMNLabel>' + bounds(labels[id_]) + '</bpmndi:BPMNLabel>'
            if lab:
                out = out[:lab.start()] + newl + out[lab.end():]
            else:
                out = out.replace('</bpmndi:BPMNEdge>', newl + '</bpmndi:BPMNEdge>')
        return out

    text = edge_re.sub(new_edge, text)
    open(path, 'w', encoding='utf-8').write(text)


if __name__ == '__main__':
    main(*sys.argv[1:])
