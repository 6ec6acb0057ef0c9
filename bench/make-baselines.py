#!/usr/bin/env python3
"""Writes the benchmark's baseline processes: each path's BPMN with the same shape (user tasks,
candidate groups, save points, timers, gateways, messages) but a no-op Java class in every service
task, no DMN, no forms and constant timers. Run again after a path's model changes:

    python3 bench/make-baselines.py

Output: src/test/resources/bench/<key>-baseline.bpmn (deployed by the benchmark only, never in
processes/, which production deploys).
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
NO_OP = "fi.polku.bench.NoOpDelegate"

for key in ["te-referral", "health-check-invitation", "oh-handover"]:
    xml = (ROOT / "processes" / f"{key}.bpmn").read_text(encoding="utf-8")
    base = f"{key}-baseline"
    # Process id and references to it (collaboration, diagram plane).
    xml = xml.replace(f'id="{key}"', f'id="{base}"').replace(f'processRef="{key}"', f'processRef="{base}"') \
             .replace(f'bpmnElement="{key}"', f'bpmnElement="{base}"')
    # Our delegates -> one no-op class (no bean, no DMN, no database, no mail).
    xml = re.sub(r'camunda:delegateExpression="\$\{[^}]*\}"', f'camunda:class="{NO_OP}"', xml)
    # A business-rule task keeps its type (the shape) but calls the no-op class instead of a DMN decision.
    xml = re.sub(r'(<bpmn:businessRuleTask [^>]*?)\s*camunda:decisionRef="[^"]*"', rf'\1 camunda:class="{NO_OP}"', xml)
    xml = re.sub(r'\s*camunda:(?:mapDecisionResult|decisionRefBinding|resultVariable)="[^"]*"', "", xml)
    xml = re.sub(r'<camunda:outputParameter name="[^"]*">\$\{decisionResult[^<]*</camunda:outputParameter>', "", xml)
    xml = xml.replace("<camunda:inputOutput></camunda:inputOutput>", "")
    # Our task and execution listeners (they read and write Polku's tables) are not part of a bare engine.
    xml = re.sub(r'\s*<camunda:(?:task|execution)Listener delegateExpression="\$\{[^}]*\}"[^>]*/>', "", xml)
    # A business-rule task's decision -> the no-op class, and its output mapping of the decision's
    # result goes with it (the benchmark gives the gateways' variables at the start, as before).
    xml = re.sub(r'camunda:decisionRef="[^"]*"', f'camunda:class="{NO_OP}"', xml)
    xml = re.sub(r'\s*camunda:(?:decisionRefBinding|mapDecisionResult|resultVariable)="[^"]*"', "", xml)
    xml = re.sub(r'<camunda:inputOutput>(?:(?!</camunda:inputOutput>).)*decisionResult.*?</camunda:inputOutput>', "", xml,
                 flags=re.S)
    # Field injections belong to our delegates.
    xml = re.sub(r'<camunda:field name="[^"]*">.*?</camunda:field>', "", xml, flags=re.S)
    # Forms are Tasklist's; the engine API does not need them.
    xml = re.sub(r'\s*camunda:formRef="[^"]*"', "", xml)
    xml = re.sub(r'\s*camunda:formRefBinding="[^"]*"', "", xml)
    # Timers and due dates computed by our beans -> constants of the same kind.
    xml = re.sub(r'(<bpmn:timeDate[^>]*>)\$\{[^<]*\}(</bpmn:timeDate>)', r'\g<1>2099-01-01T00:00:00\g<2>', xml)
    xml = re.sub(r'(<bpmn:timeDuration[^>]*>)\$\{[^<]*\}(</bpmn:timeDuration>)', r'\g<1>P90D\g<2>', xml)
    xml = re.sub(r'camunda:dueDate="\$\{[^}]*\}"', 'camunda:dueDate="2099-01-01T00:00:00"', xml)
    # Message names are unique per engine: the baseline listens to its own.
    xml = re.sub(r'(<bpmn:message id="[^"]*" name=")([^"]*)(")', r'\g<1>\g<2>Baseline\g<3>', xml)
    xml = re.sub(r'(<bpmn:process id="[^"]*" name=")([^"]*)(")', r'\g<1>\g<2> (benchmark baseline)\g<3>', xml)
    xml = xml.replace('camunda:isStartableInTasklist="true"', 'camunda:isStartableInTasklist="false"')
    leftover = re.findall(r'\$\{(?!consentInForce|whodasFlag|triageDecision|clientDeclined|appointmentAttended|'
                          r'missedAppointments|planConsentInForce|eligible|wayIn|attended|route|inTargetGroup|'
                          r'rehabilitationNeed|handoverConsentInForce|followOnPath|letterSent|recipient|'
                          r'referrerGroup|appointmentKind|execution\.getVariable)[^}]*\}', xml)
    if leftover:
        print(f"{key}: expressions left that may call our beans: {sorted(set(leftover))}")
    out = ROOT / "src" / "test" / "resources" / "bench" / f"{base}.bpmn"
    out.write_text(xml, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
