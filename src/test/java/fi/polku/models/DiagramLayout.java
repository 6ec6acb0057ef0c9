package fi.polku.models;

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The layout rules of docs/modelling.md section 3, computed from a model's BPMN DI (shape bounds,
 * label bounds, edge waypoints) the way Camunda Modeler (bpmn-js) draws them:
 * <ul>
 *   <li>no two shapes overlap (a boundary event sits on its own task's border only);
 *   <li>no sequence flow runs through a shape it does not connect;
 *   <li>no two labels overlap, and no label covers a shape other than its own element's;
 *   <li>no label is cut mid-word: every word fits the label's width (bpmn-js breaks a line between
 *       words, and cuts a word that alone is wider than the line);
 *   <li>the happy path runs left to right on one straight line per lane.
 * </ul>
 * Text widths are estimated with Arial's advance widths (bpmn-js draws labels in Arial, 12 px
 * inside tasks, 11 px outside), so the check needs no fonts installed.
 */
final class DiagramLayout {

  /** bpmn-js wraps an outside label (events, gateways, flows) at 90 px, whatever its DI width. */
  static final double EXTERNAL_LINE = 90;
  /** bpmn-js keeps 7 px padding on each side of a task's name. */
  static final double TASK_PADDING = 7;
  /** Pixels a flow may run inside a shape it does not connect, at a corner, before it counts. */
  static final double TOLERANCE = 2;

  private final BpmnModelInstance model;
  private final BiConsumer<String, String> problem;
  private final Map<String, Box> shapes = new LinkedHashMap<>();
  private final Map<String, BaseElement> elements = new HashMap<>();
  private final Map<String, Box> lanes = new LinkedHashMap<>();
  private final Set<String> containers = new HashSet<>();
  private final Map<String, Box> labels = new LinkedHashMap<>();
  private final Map<String, List<double[]>> edges = new LinkedHashMap<>();

  private DiagramLayout(BpmnModelInstance model, BiConsumer<String, String> problem) {
    this.model = model;
    this.problem = problem;
  }

  /** Reports each broken layout rule as (element id, what is wrong). */
  static void check(BpmnModelInstance model, BiConsumer<String, String> problem) {
    DiagramLayout layout = new DiagramLayout(model, problem);
    layout.read();
    layout.checkShapes();
    layout.checkFlows();
    layout.checkLabels();
    layout.checkWords();
    layout.checkHappyPath();
  }

  /** Lists the layout problems of the given .bpmn files (a quick check while moving shapes). */
  public static void main(String[] files) {
    for (String file : files) {
      check(Bpmn.readModelFromFile(new File(file)), (id, what) -> System.out.println(file + ": " + id + ": " + what));
    }
  }

  private void read() {
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      if (element == null || shape.getBounds() == null) {
        continue;
      }
      Box box = Box.of(shape.getBounds());
      if (element instanceof Lane) {
        lanes.put(element.getId(), box);
        continue;
      }
      if (element instanceof Participant) {
        continue;
      }
      shapes.put(element.getId(), box);
      elements.put(element.getId(), element);
      if (element instanceof SubProcess && !Boolean.FALSE.equals(shape.isExpanded())) {
        containers.add(element.getId());
      }
      BpmnLabel label = shape.getBpmnLabel();
      if (hasName(element) && !(element instanceof Activity)) {
        // Without label bounds bpmn-js centres the label below the shape.
        double[] size = labelSize(element.getAttributeValue("name"));
        labels.put(element.getId(), label != null && label.getBounds() != null ? Box.of(label.getBounds())
            : new Box(box.centreX() - size[0] / 2, box.y() + box.height() + 5, size[0], size[1]));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      if (!(element instanceof SequenceFlow)) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (Waypoint point : edge.getWaypoints()) {
        points.add(new double[] {point.getX(), point.getY()});
      }
      edges.put(element.getId(), points);
      elements.put(element.getId(), element);
      BpmnLabel label = edge.getBpmnLabel();
      if (hasName(element) && !points.isEmpty()) {
        // Without label bounds bpmn-js centres the label on the flow's middle.
        double[] middle = middle(points);
        double[] size = labelSize(element.getAttributeValue("name"));
        labels.put(element.getId(), label != null && label.getBounds() != null ? Box.of(label.getBounds())
            : new Box(middle[0] - size[0] / 2, middle[1] - size[1] / 2, size[0], size[1]));
      }
    }
  }

  /** The point halfway along the flow's length. */
  private static double[] middle(List<double[]> points) {
    double length = 0;
    for (int k = 0; k + 1 < points.size(); k++) {
      length += Math.hypot(points.get(k + 1)[0] - points.get(k)[0], points.get(k + 1)[1] - points.get(k)[1]);
    }
    double left = length / 2;
    for (int k = 0; k + 1 < points.size(); k++) {
      double[] a = points.get(k);
      double[] b = points.get(k + 1);
      double part = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (part >= left && part > 0) {
        return new double[] {a[0] + (b[0] - a[0]) * left / part, a[1] + (b[1] - a[1]) * left / part};
      }
      left -= part;
    }
    return points.get(0);
  }

  private void checkShapes() {
    List<String> ids = new ArrayList<>(shapes.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (!shapes.get(a).overlaps(shapes.get(b), 0) || nested(a, b) || nested(b, a)) {
          continue;
        }
        if (attachedTo(a, b) || attachedTo(b, a)) {
          String event = attachedTo(a, b) ? a : b;
          String host = event.equals(a) ? b : a;
          if (!shapes.get(host).hasOnBorder(shapes.get(event).centreX(), shapes.get(event).centreY(), TOLERANCE)) {
            problem.accept(event, "a boundary event sits centred on the border of its task " + host + ", not inside it");
          }
          continue;
        }
        problem.accept(a, "overlaps " + b + " in the diagram: move one of them apart");
      }
    }
  }

  private void checkFlows() {
    for (Map.Entry<String, List<double[]>> edge : edges.entrySet()) {
      SequenceFlow flow = (SequenceFlow) elements.get(edge.getKey());
      String source = flow.getSource().getId();
      String target = flow.getTarget().getId();
      Set<String> reported = new HashSet<>();
      List<double[]> points = edge.getValue();
      for (int k = 0; k + 1 < points.size(); k++) {
        double[] from = points.get(k);
        double[] to = points.get(k + 1);
        for (Map.Entry<String, Box> shape : shapes.entrySet()) {
          String id = shape.getKey();
          if (id.equals(source) || id.equals(target) || reported.contains(id)
              || (containers.contains(id) && nested(source, id))) {
            continue;
          }
          double[] inside = shape.getValue().shrink(TOLERANCE).clip(from, to);
          if (inside == null) {
            continue;
          }
          // The part inside may be the flow leaving its boundary event across the host's border.
          boolean atEnds = shapes.containsKey(source) && shapes.get(source).grow(TOLERANCE).containsSegment(inside)
              || shapes.containsKey(target) && shapes.get(target).grow(TOLERANCE).containsSegment(inside);
          if (!atEnds) {
            reported.add(id);
            problem.accept(edge.getKey(), "runs through " + id + ", which it does not connect: route it around");
          }
        }
      }
    }
  }

  private void checkLabels() {
    List<String> ids = new ArrayList<>(labels.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        if (labels.get(ids.get(i)).overlaps(labels.get(ids.get(j)), 0)) {
          problem.accept(ids.get(i), "its label overlaps the label of " + ids.get(j) + ": move one of them");
        }
      }
      for (Map.Entry<String, Box> shape : shapes.entrySet()) {
        String id = shape.getKey();
        if (id.equals(ids.get(i)) || nested(ids.get(i), id) || !labels.get(ids.get(i)).overlaps(shape.getValue(), 0)) {
          continue;
        }
        problem.accept(ids.get(i), "its label covers " + id + ": move the label off the shape");
      }
    }
  }

  private void checkWords() {
    for (Map.Entry<String, BaseElement> entry : elements.entrySet()) {
      BaseElement element = entry.getValue();
      if (!hasName(element) || containers.contains(entry.getKey())) {
        continue;
      }
      String name = element.getAttributeValue("name");
      double line;
      double fontSize;
      String where;
      if (element instanceof Activity && shapes.containsKey(entry.getKey())) {
        line = shapes.get(entry.getKey()).width - 2 * TASK_PADDING;
        fontSize = 12;
        where = "the task";
      } else if (labels.containsKey(entry.getKey())) {
        line = Math.min(EXTERNAL_LINE, labels.get(entry.getKey()).width + TOLERANCE);
        fontSize = 11;
        where = "the label";
      } else {
        continue;
      }
      for (String word : words(name)) {
        double width = textWidth(word, fontSize);
        if (width >= line) {
          problem.accept(entry.getKey(), String.format(java.util.Locale.ROOT,
              "its name is cut mid-word: '%s' is about %.0f px wide, %s holds %.0f px per line: widen %s%s",
              word, width, where, line, where,
              where.equals("the label") && width >= EXTERNAL_LINE ? " (Modeler wraps outside labels at 90 px: put a soft hyphen &#173; at the compound's joint, or use a shorter word)" : ""));
        }
      }
    }
  }

  /**
   * From a start event to the end event drawn furthest right there is a chain of flows that each
   * run left to right, and inside one lane as one straight horizontal line between nodes centred
   * on it: the reader follows the happy path along straight lines, changing line only where it
   * changes lane.
   */
  private void checkHappyPath() {
    Process process = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).findFirst().orElse(null);
    if (process == null) {
      return;
    }
    List<StartEvent> starts = process.getChildElementsByType(StartEvent.class).stream()
        .filter(st -> shapes.containsKey(st.getId())).toList();
    EndEvent end = process.getChildElementsByType(EndEvent.class).stream()
        .filter(e -> shapes.containsKey(e.getId()))
        .max((a, b) -> Double.compare(shapes.get(a.getId()).centreX(), shapes.get(b.getId()).centreX()))
        .orElse(null);
    if (starts.isEmpty() || end == null) {
      return;
    }
    Set<String> reached = new HashSet<>();
    Deque<FlowNode> next = new ArrayDeque<>(starts);
    starts.forEach(st -> reached.add(st.getId()));
    List<String> stops = new ArrayList<>();
    while (!next.isEmpty()) {
      FlowNode node = next.poll();
      boolean onward = false;
      for (SequenceFlow flow : node.getOutgoing()) {
        if (straightAhead(flow)) {
          onward = true;
          if (reached.add(flow.getTarget().getId())) {
            next.add(flow.getTarget());
          }
        }
      }
      if (!onward && !(node instanceof EndEvent)) {
        stops.add(node.getId());
      }
    }
    if (!reached.contains(end.getId())) {
      problem.accept(end.getId(), "the happy path does not reach this end (the one drawn furthest right) from a start event"
          + " on flows running left to right, straight within a lane: it stops at "
          + String.join(", ", stops));
    }
  }

  private boolean straightAhead(SequenceFlow flow) {
    Box from = shapes.get(flow.getSource().getId());
    Box to = shapes.get(flow.getTarget().getId());
    List<double[]> points = edges.get(flow.getId());
    if (from == null || to == null || points == null || points.size() < 2 || to.centreX() < from.centreX()) {
      return false;
    }
    for (int k = 0; k + 1 < points.size(); k++) {
      if (points.get(k + 1)[0] < points.get(k)[0] - TOLERANCE) {
        return false;
      }
    }
    String lane = laneOf(from);
    if (lane != null && !lane.equals(laneOf(to))) {
      return true; // changing lane, the path may drop straight down
    }
    return to.centreX() > from.centreX() && Math.abs(from.centreY() - to.centreY()) <= 1
        && points.stream().allMatch(p -> Math.abs(p[1] - from.centreY()) <= 1);
  }

  private String laneOf(Box box) {
    String found = null;
    double smallest = Double.MAX_VALUE;
    for (Map.Entry<String, Box> lane : lanes.entrySet()) {
      Box l = lane.getValue();
      if (l.contains(box.centreX(), box.centreY()) && l.width * l.height < smallest) {
        found = lane.getKey();
        smallest = l.width * l.height;
      }
    }
    return found;
  }

  private boolean attachedTo(String event, String host) {
    return elements.get(event) instanceof BoundaryEvent boundary
        && boundary.getAttachedTo() != null && boundary.getAttachedTo().getId().equals(host);
  }

  /** Whether the element is drawn inside the given container (an expanded sub-process). */
  private boolean nested(String id, String container) {
    if (!containers.contains(container) || !elements.containsKey(id)) {
      return false;
    }
    for (ModelElementInstance parent = elements.get(id).getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof BaseElement base && container.equals(base.getId())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasName(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name != null && !name.isBlank();
  }

  /** The pieces bpmn-js never breaks: it breaks at spaces and after hyphens. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.trim().split("\\s+|(?<=-)|\u00AD")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** Width and height of an outside label as bpmn-js wraps it (lines under 90 px, 13.2 px high). */
  static double[] labelSize(String text) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : text.trim().split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && textWidth(candidate, 11) >= EXTERNAL_LINE) {
        lines.add(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.add(line);
    double width = lines.stream().mapToDouble(l -> Math.min(EXTERNAL_LINE, textWidth(l, 11))).max().orElse(0);
    return new double[] {width, Math.ceil(lines.size() * 13.2)};
  }

  /** Width of the text in Arial at the given size, from Arial's advance widths (1/1000 em). */
  static double textWidth(String text, double fontSize) {
    double units = 0;
    for (char c : text.toCharArray()) {
      units += advance(c);
    }
    return units * fontSize / 1000;
  }

  private static int advance(char c) {
    if (c >= '0' && c <= '9') {
      return 556;
    }
    String narrow = "ijl";
    if (narrow.indexOf(c) >= 0) {
      return 222;
    }
    if ("ftI!.,:;/ \\[]".indexOf(c) >= 0) {
      return 278;
    }
    if ("r()-\"".indexOf(c) >= 0) {
      return 333;
    }
    if ("cksvxyzJ".indexOf(c) >= 0) {
      return 500;
    }
    if ("m".indexOf(c) >= 0) {
      return 833;
    }
    if ("wCDHNRUÅ".indexOf(c) >= 0) {
      return 722;
    }
    if ("GOQÖ".indexOf(c) >= 0) {
      return 778;
    }
    if ("FTZ".indexOf(c) >= 0) {
      return 611;
    }
    if (c == 'L') {
      return 556;
    }
    if (c == 'M') {
      return 833;
    }
    if (c == 'W') {
      return 944;
    }
    if ("ABEKPSVXYÄ".indexOf(c) >= 0) {
      return 667;
    }
    if (c == '—' || c == '%') {
      return c == '%' ? 889 : 1000;
    }
    return 556;
  }

  /** A rectangle of the diagram. */
  record Box(double x, double y, double width, double height) {

    static Box of(Bounds bounds) {
      return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    double centreX() {
      return x + width / 2;
    }

    double centreY() {
      return y + height / 2;
    }

    Box shrink(double by) {
      return new Box(x + by, y + by, Math.max(0, width - 2 * by), Math.max(0, height - 2 * by));
    }

    Box grow(double by) {
      return shrink(-by);
    }

    boolean overlaps(Box other, double margin) {
      return x < other.x + other.width - margin && other.x < x + width - margin
          && y < other.y + other.height - margin && other.y < y + height - margin;
    }

    boolean contains(double px, double py) {
      return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    boolean containsSegment(double[] segment) {
      return contains(segment[0], segment[1]) && contains(segment[2], segment[3]);
    }

    boolean hasOnBorder(double px, double py, double tolerance) {
      boolean onVertical = (Math.abs(px - x) <= tolerance || Math.abs(px - x - width) <= tolerance)
          && py >= y - tolerance && py <= y + height + tolerance;
      boolean onHorizontal = (Math.abs(py - y) <= tolerance || Math.abs(py - y - height) <= tolerance)
          && px >= x - tolerance && px <= x + width + tolerance;
      return onVertical || onHorizontal;
    }

    /** The part of the segment strictly inside this box (x1, y1, x2, y2), or null (Liang-Barsky). */
    double[] clip(double[] from, double[] to) {
      double dx = to[0] - from[0];
      double dy = to[1] - from[1];
      double t0 = 0;
      double t1 = 1;
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {from[0] - x, x + width - from[0], from[1] - y, y + height - from[1]};
      for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
          if (q[i] <= 0) {
            return null;
          }
        } else {
          double t = q[i] / p[i];
          if (p[i] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
        }
      }
      if (t0 >= t1) {
        return null;
      }
      return new double[] {from[0] + t0 * dx, from[1] + t0 * dy, from[0] + t1 * dx, from[1] + t1 * dy};
    }
  }
}
