#!/usr/bin/env python3
"""The fault suite's driver (reliability/run sets the environment; docs/reliability.md).

Starts two Polku nodes on one PostgreSQL database, drives the scenarios, checks the database and
the SMTP server afterwards, and writes target/reliability/results.md and results.json.
Standard library only.
"""
import base64
import concurrent.futures
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import date, timedelta

JAR = os.environ["REL_JAR_PATH"]
PG_PORT = os.environ["REL_PG_PORT"]
DB = os.environ["REL_DB"]
PG_CLUSTER = os.environ["REL_PG_CLUSTER"]
SMTP_PORT = os.environ["REL_SMTP_PORT"]
MAIL_CONTROL = "http://127.0.0.1:%s" % os.environ["REL_MAIL_CONTROL_PORT"]
NODE_PORTS = os.environ["REL_NODE_PORTS"].split()
LOCK_TIME_MS = int(os.environ["REL_LOCK_TIME_MS"])
OUT = os.environ["REL_OUT"]
SCENARIOS = os.environ.get("REL_SCENARIOS", "load,kill,pgrestart,smtp").split(",")
N = int(os.environ.get("REL_N", "24"))

ADMIN, ADMIN_PW = "rel-admin", "rel-Admin-Secret-1"
SYSTEM_PW = "rel-System-Secret-1"
STAFF_PW = "rel-Staff-Secret-1"
STAFF = {"rel-koordinaattori": "te-coordinator", "rel-palveluohjaaja": "sote-counsellor",
         "rel-terveydenhoitaja": "health-check-nurse", "rel-tyoterveys": "oh-professional"}
RESULTS = []          # rows of the table: scenario, figure, value, ok
DEFECTS = []
CODES = set()
START = time.time()


def log(message):
    print("[reliability %4ds] %s" % (time.time() - START, message), flush=True)


def result(scenario, figure, value, ok=True):
    RESULTS.append({"scenario": scenario, "figure": figure, "value": value, "ok": bool(ok)})
    log("%s | %s | %s%s" % (scenario, figure, value, "" if ok else "  <-- FAILED"))


# --- Processes ------------------------------------------------------------------------------------

class Node:
    def __init__(self, name, port):
        self.name, self.port, self.process = name, port, None

    @property
    def url(self):
        return "http://127.0.0.1:%s" % self.port

    def start(self):
        env = dict(os.environ)
        env.update({
            "DB_URL": "jdbc:postgresql://127.0.0.1:%s/%s" % (PG_PORT, DB), "DB_USER": "postgres", "DB_PASSWORD": "",
            "SMTP_HOST": "127.0.0.1", "SMTP_PORT": SMTP_PORT, "ADMIN_USER": ADMIN, "ADMIN_PASSWORD": ADMIN_PW,
            "IDENTITY_KEY": "cG9sa3UtcmVsaWFiaWxpdHktc3VpdGUta2V5LTMyYnk=",
        })
        for agency in ("TE", "SOTE", "OH", "KELA", "PENSION", "ESH"):
            env["SYSTEM_%s_PASSWORD" % agency] = SYSTEM_PW
        logfile = open(os.path.join(OUT, "logs", "node-%s.log" % self.name), "a")
        self.process = subprocess.Popen(
            ["java", "-Xmx768m", "-jar", JAR, "--spring.profiles.active=postgres",
             "--server.port=%s" % self.port, "--server.address=127.0.0.1",
             "--camunda.bpm.job-execution.lock-time-in-millis=%d" % LOCK_TIME_MS],
            stdout=logfile, stderr=subprocess.STDOUT, env=env)
        return self

    def wait_ready(self, timeout=240):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("node %s exited (see target/reliability/logs/node-%s.log)" % (self.name, self.name))
            status, _, _ = request(self, "GET", "/actuator/health", None, timeout=5)
            if status == 200:
                return
            time.sleep(2)
        raise SystemExit("node %s did not start in %d s" % (self.name, timeout))

    def kill9(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()


def request(node, method, path, user, body=None, content_type="application/json", password=None, timeout=60,
            headers=None):
    """(status, headers, text); status 0 when no answer came (connection refused or reset)."""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(node.url + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if user:
        if password is None:
            password = ADMIN_PW if user == ADMIN else SYSTEM_PW if user.endswith("-system") else STAFF_PW
        req.add_header("Authorization", "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode())
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            return answer.status, dict(answer.headers), answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")
    except Exception:  # connection refused, reset, timed out: no answer
        return 0, {}, ""


def psql(sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", "-d", DB, "-At", "-c", sql],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return out.stdout.strip()


def scalar(sql):
    return int(psql(sql) or 0)


def mail_ids():
    with urllib.request.urlopen(MAIL_CONTROL + "/message-ids", timeout=30) as answer:
        return [line for line in answer.read().decode().splitlines() if line]


def smtp(action):
    urllib.request.urlopen(urllib.request.Request(MAIL_CONTROL + "/smtp/" + action, method="POST"), timeout=30).read()


# --- Work -----------------------------------------------------------------------------------------

def identity_code():
    while True:
        d = "%02d%02d%02d" % (random.randint(1, 28), random.randint(1, 12), random.randint(50, 89))
        n = str(random.randint(900, 999))
        code = d + "-" + n + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(d + n) % 31]
        if code not in CODES:
            CODES.add(code)
            return code


def refer(node):
    body = {"identityCode": identity_code(), "name": "Testi Asiakas", "email": "asiakas@polku.invalid",
            "municipality": "Jyväskylä", "unemploymentMonths": 26,
            "criteria": {"partialWorkAbility": True, "longTermUnemployed": True, "unmappedHealthProblems": False,
                         "unclearOverallSituation": False, "missingEducation": False,
                         "needsSeveralServices": False, "employed": False},
            "reason": "Osatyökykyisyys", "question": "Mikä tukisi työllistymistä?",
            "consent": {"includesHealth": True, "validUntil": str(date.today() + timedelta(days=365))}}
    status, _, text = request(node, "POST", "/api/referrals", "te-system", body,
                              headers={"Idempotency-Key": str(uuid.uuid4())})
    return status, text, (json.loads(text).get("caseNumber") if status == 201 else None)


def cohort(node, rows, tag):
    body = [{"identityCode": identity_code(), "name": "Testi Kutsuttu", "email": "kutsu-%s-%d@polku.invalid" % (tag, i),
             "municipality": "Jyväskylä", "unemploymentMonths": 30, "unemployed": True,
             "coveredByOccupationalHealth": False, "monthsSinceLastHealthCheck": 24} for i in range(rows)]
    status, _, text = request(node, "POST", "/api/health-check-invitations", "te-system", body, timeout=120)
    cases = []
    if status == 200:
        cases = [r["caseNumber"] for r in json.loads(text)["results"] if r["result"] == "started"]
    return status, text, cases


def handover(node):
    body = {"identityCode": identity_code(), "name": "Testi Siirtyvä", "email": "siirto@polku.invalid",
            "municipality": "Jyväskylä", "provider": "Testi Työterveys Oy", "employer": "Testi Tehdas Oy",
            "employmentEndDate": str(date.today() + timedelta(days=60)), "changeSecurity": True,
            "partialWorkAbility": True, "threatOfUnemployment": True}
    status, _, text = request(node, "POST", "/api/oh-handovers", "oh-system", body,
                              headers={"Idempotency-Key": str(uuid.uuid4())})
    return status, text, (json.loads(text).get("caseNumber") if status == 201 else None)


# What a member of staff enters into the first task of each path (the form's required fields).
RECIPES = {
    "te-referral-triage": {"clientDeclined": True, "initialInterviewDone": False, "benefitsAdviceGiven": False,
                           "triageDecision": "not-for-team", "triageOverrideReason": "Asiakas kieltäytyi"},
    "oh-handover-consent": {"consentGiven": False},
    "health-check-booking": {"clientDeclined": True},
}


def complete_first_task(node, case_number):
    """Completes the case's open task that has a recipe, as the member of its group; the task's key or None."""
    status, _, text = request(node, "GET", "/engine-rest/task?processInstanceBusinessKey=" + case_number, ADMIN)
    if status != 200:
        return None, status
    for task in json.loads(text):
        form = (task.get("formKey") or "").split("/")[-1].replace(".form", "")
        ref = task.get("camundaFormRef") or {}
        form = ref.get("key") or form
        if form not in RECIPES:
            continue
        variables = {key: {"value": value} for key, value in RECIPES[form].items()}
        user = ADMIN
        status, _, body = request(node, "POST", "/engine-rest/task/%s/submit-form" % task["id"], user,
                                  {"variables": variables})
        if status not in (200, 204):
            DEFECTS.append("task %s of %s: %s %s" % (form, case_number, status, body[:300]))
        return form, status
    return None, 0


def settle(timeout, allow_failed=False):
    """Waits until no job is due, locked or waiting for a retry; returns the seconds it took."""
    begin = time.time()
    while time.time() - begin < timeout:
        busy = scalar("select count(*) from act_ru_job where suspension_state_ = 1 and ((retries_ > 0 and "
                      "(duedate_ is null or duedate_ <= now() + interval '2 seconds' or exception_msg_ is not null))"
                      " or lock_owner_ is not null)")
        if busy == 0:
            return time.time() - begin
        time.sleep(2)
    return None


def wait_state_check(scenario, cases):
    """Every case's process instances: ended, or waiting at a user task, message or timer; none stuck."""
    if not cases:
        return
    keys = ",".join("'%s'" % c for c in cases)
    found = scalar("select count(distinct business_key_) from act_hi_procinst where business_key_ in (%s)" % keys)
    result(scenario, "accepted requests whose case has a process instance", "%d / %d" % (found, len(cases)),
           found == len(cases))
    stuck = psql("select p.business_key_ || ' ' || p.proc_def_key_ from act_hi_procinst p where p.business_key_ in (%s)"
                 " and p.end_time_ is null and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = p.id_)"
                 " and not exists (select 1 from act_ru_event_subscr e where e.proc_inst_id_ = p.id_)"
                 " and not exists (select 1 from act_ru_job j where j.process_instance_id_ = p.id_ and "
                 " j.duedate_ > now())"
                 " and not exists (select 1 from act_ru_execution x join act_ru_execution s "
                 "   on s.super_exec_ = x.id_ where x.proc_inst_id_ = p.id_)" % keys)
    stuck_rows = [row for row in stuck.splitlines() if row]
    result(scenario, "instances neither ended nor at a wait state", len(stuck_rows), not stuck_rows)
    states = psql("select p.proc_def_key_ || ': ' || case when p.end_time_ is not null then 'ended' else "
                  "coalesce((select string_agg(distinct t.task_def_key_, '+') from act_ru_task t "
                  "where t.proc_inst_id_ = p.id_), 'waiting') end || ' 1' from act_hi_procinst p "
                  "where p.business_key_ in (%s)" % keys)
    states = ", ".join(line for line in states.splitlines() if line)
    summary = {}
    for part in states.split(", "):
        if part:
            name, count = part.rsplit(" ", 1)
            summary[name] = summary.get(name, 0) + int(count)
    result(scenario, "where the instances are", "; ".join("%s ×%d" % kv for kv in sorted(summary.items())))


def mail_mark():
    """Where the outbox and the SMTP server stand before a scenario."""
    counts = {}
    for message_id in mail_ids():
        counts[message_id.strip("<>")] = counts.get(message_id.strip("<>"), 0) + 1
    return scalar("select coalesce(max(id), 0) from mail_outbox"), counts


def mail_check(scenario, mark):
    """This scenario's outbox rows against what reached the SMTP server since the mark."""
    since_id, before = mark
    outbox = psql("select message_id || '|' || coalesce(sent_at::text, '') from mail_outbox where id > %d" % since_id)
    rows = [line.split("|") for line in outbox.splitlines() if line]
    unsent = [r for r in rows if not r[1]]
    counts = {}
    for message_id in mail_ids():
        counts[message_id.strip("<>")] = counts.get(message_id.strip("<>"), 0) + 1
    new = {k: v - before.get(k, 0) for k, v in counts.items() if v - before.get(k, 0) > 0}
    missing = [r[0] for r in rows if new.get(r[0].strip("<>"), 0) == 0]
    doubled = {k: v for k, v in new.items() if v > 1}
    strangers = [k for k in new if k not in {r[0].strip("<>") for r in rows}]
    result(scenario, "outbox rows / sent / mails at the SMTP server (this scenario)", "%d / %d / %d" % (
        len(rows), len(rows) - len(unsent), sum(new.values())), not unsent)
    result(scenario, "outbox rows with no mail at the server", len(missing), not missing)
    result(scenario, "Message-IDs received more than once", len(doubled), not doubled)
    result(scenario, "mails at the server with no outbox row", len(strangers), not strangers)


def incidents_check(scenario):
    open_incidents = scalar("select count(*) from act_ru_incident")
    result(scenario, "open incidents", open_incidents, open_incidents == 0)
    locked = scalar("select count(*) from act_ru_job where lock_owner_ is not null")
    result(scenario, "jobs left locked", locked, locked == 0)


def parallel(tasks, workers=8):
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda task: task(), tasks))


# --- Scenarios ------------------------------------------------------------------------------------

def setup_staff(node):
    for user, group in STAFF.items():
        profile = {"profile": {"id": user, "firstName": "Testi", "lastName": group, "email": user + "@polku.invalid"},
                   "credentials": {"password": STAFF_PW}}
        request(node, "POST", "/engine-rest/user/create", ADMIN, profile)
        request(node, "PUT", "/engine-rest/group/%s/members/%s" % (group, user), ADMIN, b"")


def scenario_load(nodes):
    mark = mail_mark()
    name = "two nodes, one database"
    begin = time.time()
    work = []
    for i in range(N):
        work.append(lambda i=i: ("referral",) + refer(nodes[i % 2]))
        work.append(lambda i=i: ("handover",) + handover(nodes[(i + 1) % 2]))
    for i in range(N // 4):
        work.append(lambda i=i: ("cohort",) + cohort(nodes[i % 2], 4, "load%d" % i))
    answers = parallel(work)
    cases = []
    for kind, status, text, case in answers:
        if isinstance(case, list):
            cases.extend(case)
        elif case:
            cases.append(case)
        if status >= 500 or status == 0:
            DEFECTS.append("load: %s answered %s %s" % (kind, status, text[:200]))
    ok = sum(1 for a in answers if a[1] in (200, 201))
    result(name, "requests posted to both nodes in parallel (8 clients)", "%d accepted of %d in %.0f s" % (
        ok, len(answers), time.time() - begin), ok == len(answers))
    took = settle(240)
    result(name, "seconds until every job was done", "%.0f" % took if took is not None else "not in 240 s",
           took is not None)
    completed = parallel([lambda c=c, i=i: complete_first_task(nodes[i % 2], c) for i, c in enumerate(cases)])
    done = [c for c in completed if c[0] and c[1] in (200, 204)]
    result(name, "first tasks completed through both nodes", "%d (%s)" % (len(done), ", ".join(sorted(
        {c[0] for c in done}))), all(c[1] in (200, 204) for c in completed if c[0]))
    took = settle(240)
    result(name, "seconds until the completions' jobs were done", "%.0f" % took if took is not None else "no",
           took is not None)
    wait_state_check(name, cases)
    incidents_check(name)
    mail_check(name, mark)
    return cases


def scenario_kill(nodes):
    mark = mail_mark()
    name = "a node killed (kill -9)"
    victim, survivor = nodes[0], nodes[1]
    answers = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(i):
        # Work posted to both nodes; the victim's clients lose their connection at the kill.
        while not stop.is_set():
            node = victim if i % 2 == 0 else survivor
            answer = ("cohort",) + cohort(node, 4, "kill%d-%d" % (i, len(answers))) if i < 2 \
                else ("referral",) + refer(node)
            with lock:
                answers.append(answer)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(6)
    locked = scalar("select count(*) from act_ru_job where lock_owner_ is not null")
    owners = psql("select count(distinct lock_owner_) from act_ru_job where lock_owner_ is not null")
    killed_at = time.time()
    victim.kill9()
    time.sleep(4)
    stop.set()
    for thread in threads:
        thread.join()
    cases = []
    for _, status, _, case in answers:
        cases.extend(case if isinstance(case, list) else [case] if case else [])
    lost = sum(1 for a in answers if a[1] == 0)
    result(name, "requests posted to both nodes while one was killed", "%d accepted; %d attempts got no answer (the killed node refused or dropped the connection; the clients kept trying)"
           % (sum(1 for a in answers if a[1] in (200, 201)), lost))
    result(name, "jobs locked at the kill (by either node; lock owners)", "%d (%s)" % (locked, owners))
    took = settle(LOCK_TIME_MS / 1000 + 180)
    result(name, "seconds until the other node had finished them (lock %d s)" % (LOCK_TIME_MS / 1000),
           "%.0f" % (time.time() - killed_at) if took is not None else "not finished", took is not None)
    wait_state_check(name, cases)
    incidents_check(name)
    mail_check(name, mark)
    victim.start()
    victim.wait_ready()
    log("node %s restarted" % victim.name)


def scenario_pgrestart(nodes):
    mark = mail_mark()
    name = "PostgreSQL restarted under load"
    stop = threading.Event()
    answers = []
    lock = threading.Lock()

    def client(i):
        while not stop.is_set():
            status, text, case = refer(nodes[i % 2])
            with lock:
                answers.append((time.time(), status, text, case))
            time.sleep(0.2)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(8)
    restart_at = time.time()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect"] + PG_CLUSTER.split("/") + ["restart", "-m", "fast"],
                   check=True, capture_output=True)
    restarted_in = time.time() - restart_at
    time.sleep(20)
    stop.set()
    for thread in threads:
        thread.join()
    statuses = {}
    for _, status, _, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    result(name, "referrals posted (4 clients, both nodes) by answer", ", ".join(
        "%s ×%d" % (s if s else "no answer", c) for s, c in sorted(statuses.items())))
    result(name, "PostgreSQL down for (s)", "%.1f" % restarted_in)
    bad = [a for a in answers if a[1] >= 500 and a[1] != 503]
    result(name, "answers 5xx other than 503", len(bad), not bad)
    not_problem = [a for a in answers if a[1] == 503 and '"status":503' not in a[2].replace(" ", "")]
    result(name, "503 answers that are not problem+json", len(not_problem), not not_problem)
    for a in bad[:3]:
        DEFECTS.append("pgrestart: %s %s" % (a[1], a[2][:300]))
    # Both nodes answer again without a restart.
    recovered = []
    for node in nodes:
        status, _, _ = refer(node)[0], None, None
        recovered.append(status == 201)
    result(name, "both nodes serve again without a restart", all(recovered), all(recovered))
    accepted = [a[3] for a in answers if a[1] == 201]
    # A job that failed on a connection the restart broke runs again at its model's retry
    # interval (R3/PT5M for the paths' steps): wait one interval and a margin, not less.
    took = settle(400)
    result(name, "seconds until every job was done after the restart", "%.0f" % took if took is not None else "no",
           took is not None)
    wait_state_check(name, accepted)
    incidents_check(name)
    mail_check(name, mark)


def scenario_smtp(nodes):
    mark = mail_mark()
    name = "SMTP outage during an invitation round"
    before = len(mail_ids())
    smtp("stop")
    outage_began = time.time()
    answers = parallel([lambda i=i: cohort(nodes[i % 2], 5, "smtp%d" % i) for i in range(4)], workers=4)
    cases = [c for a in answers for c in a[2]]
    result(name, "clients invited while SMTP was down", len(cases), len(cases) > 0)
    # The mail step retries R5/PT1M (processes/mail-delivery.bpmn): an incident after about five minutes.
    incidents = 0
    deadline = time.time() + 480
    while time.time() < deadline:
        incidents = scalar("select count(*) from act_ru_incident where incident_type_ = 'failedJob'")
        pending = scalar("select count(*) from mail_outbox where sent_at is null")
        if incidents and incidents >= pending:
            break
        time.sleep(5)
    result(name, "incidents visible in Cockpit during the outage", incidents, incidents > 0)
    smtp("start")
    result(name, "SMTP down for (s)", "%.0f" % (time.time() - outage_began))
    # What an administrator does in Cockpit: retry the failed jobs.
    failed = psql("select id_ from act_ru_job where retries_ = 0").split()
    for job in failed:
        request(nodes[0], "PUT", "/engine-rest/job/%s/retries" % job, ADMIN, {"retries": 1})
    took = settle(240)
    result(name, "seconds until every mail was out after the retry", "%.0f" % took if took is not None else "no",
           took is not None)
    result(name, "mails received after the outage", len(mail_ids()) - before)
    wait_state_check(name, cases)
    incidents_check(name)
    mail_check(name, mark)


def write_results(nodes_started_in):
    lines = ["# Fault suite results (reliability/run)", "",
             "Run %s UTC on %d cores; two nodes (%s), PostgreSQL cluster %s on port %s, GreenMail SMTP on %s; "
             "job lock time %d s. Startup of both nodes took %.0f s." % (
                 time.strftime("%Y-%m-%d %H:%M", time.gmtime()), os.cpu_count(), ", ".join(NODE_PORTS), PG_CLUSTER,
                 PG_PORT, SMTP_PORT, LOCK_TIME_MS / 1000, nodes_started_in), "",
             "| scenario | figure | value | ok |", "| --- | --- | --- | --- |"]
    for row in RESULTS:
        lines.append("| %s | %s | %s | %s |" % (row["scenario"], row["figure"], row["value"],
                                                 "yes" if row["ok"] else "**NO**"))
    lines += ["", "Defects seen: %s" % ("none" if not DEFECTS else "")]
    lines += ["- " + d.replace("\n", " ") for d in DEFECTS]
    lines += ["", "Total time: %.0f s." % (time.time() - START)]
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({"results": RESULTS, "defects": DEFECTS, "seconds": time.time() - START}, f, indent=1)


def main():
    nodes = [Node("a", NODE_PORTS[0]), Node("b", NODE_PORTS[1])]
    try:
        begin = time.time()
        # One after the other: the first creates the schema, as a rolling deployment does.
        nodes[0].start().wait_ready()
        nodes[1].start().wait_ready()
        started_in = time.time() - begin
        log("both nodes up in %.0f s" % started_in)
        setup_staff(nodes[0])
        for scenario, run in (("load", scenario_load), ("kill", scenario_kill), ("pgrestart", scenario_pgrestart),
                              ("smtp", scenario_smtp)):
            if scenario in SCENARIOS:
                try:
                    run(nodes)
                except Exception as error:  # a scenario that breaks is a failed figure, not a lost run
                    result(scenario, "scenario ran to its end", "no: %r" % error, False)
        write_results(started_in)
    finally:
        for node in nodes:
            node.stop()
    return 0 if all(r["ok"] for r in RESULTS) and not DEFECTS else 1


if __name__ == "__main__":
    sys.exit(main())
