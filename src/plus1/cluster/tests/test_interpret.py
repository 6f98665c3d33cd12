"""What the status command concludes from Patroni's /cluster answer and HAProxy's stats."""

from plus1.cluster.interpret import (
    DEGRADED,
    DOWN,
    OK,
    Report,
    disk_problem,
    haproxy_problems,
    haproxy_servers,
    members_from_nodes,
    patroni_members,
)

# As Patroni 3.0.2 answers GET /cluster.
LEADER = {"name": "pg1", "role": "leader", "state": "running", "port": 15411, "timeline": 1}
SYNC = {"name": "pg2", "role": "sync_standby", "state": "running", "port": 15412, "timeline": 1, "lag": 0}
STREAMING = [{"application_name": "pg2", "state": "streaming", "sync_state": "sync", "lag": 0}]


def level(problems) -> str:
    report = Report(problems=problems)
    return report.level


def test_a_leader_with_a_streaming_synchronous_standby_is_healthy():
    states, problems = patroni_members({"members": [LEADER, SYNC]}, replication=STREAMING)
    assert problems == []
    assert [(state.part, state.role, state.running) for state in states] == [
        ("pg1", "leader", True),
        ("pg2", "sync_standby", True),
    ]
    assert Report(problems=problems).exit_code == 0


def test_no_leader_means_down():
    replica = {**SYNC, "role": "replica"}
    _, problems = patroni_members({"members": [replica]})
    assert level(problems) == DOWN
    assert any("geen leider" in problem.text for problem in problems)
    assert Report(problems=problems).exit_code == 2


def test_no_patroni_answering_means_down():
    states, problems = patroni_members(None)
    assert level(problems) == DOWN
    assert not any(state.running for state in states)


def test_two_leaders_are_reported_as_split_brain():
    _, problems = patroni_members({"members": [LEADER, {**SYNC, "role": "leader"}]})
    assert level(problems) == DOWN
    assert any("split brain" in problem.text for problem in problems)


def test_an_absent_standby_is_degraded_and_says_what_it_means():
    _, problems = patroni_members({"members": [LEADER]}, replication=[])
    assert level(problems) == DEGRADED
    texts = " ".join(problem.text for problem in problems)
    assert "pg2 doet niet mee" in texts
    assert "Geen synchrone standby" in texts


def test_an_absent_standby_in_strict_mode_stops_writes():
    _, problems = patroni_members({"members": [LEADER]}, replication=[], strict=True)
    assert level(problems) == DOWN


def test_a_lagging_standby_is_degraded_with_the_bytes():
    rows = [{**STREAMING[0], "lag": 50_000_000}]
    states, problems = patroni_members({"members": [LEADER, {**SYNC, "role": "replica"}]}, replication=rows)
    assert level(problems) == DEGRADED
    assert any("50000000 bytes achter" in problem.text for problem in problems)
    assert states[1].lag == 50_000_000


def test_a_standby_that_does_not_stream_is_degraded():
    _, problems = patroni_members({"members": [LEADER, SYNC]}, replication=[])
    assert level(problems) == DEGRADED
    assert any("streamt niet" in problem.text for problem in problems)


def test_a_stopped_standby_is_degraded():
    _, problems = patroni_members({"members": [LEADER, {**SYNC, "role": "replica", "state": "stopped"}]})
    assert level(problems) == DEGRADED
    assert any("toestand: stopped" in problem.text for problem in problems)


CSV = """# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status
write,FRONTEND,,,0,0,2000,0,0,0,0,0,0,,,,,OPEN
write,pg1,0,0,0,0,100,0,0,0,,0,,0,0,0,0,UP
write,pg2,0,0,0,0,100,0,0,0,,0,,0,0,0,0,DOWN
apps,app1,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP
apps,app2,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN
apps,BACKEND,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP
"""


def test_haproxy_stats_one_app_down_is_degraded():
    servers = haproxy_servers(CSV)
    assert servers[("write", "pg1")] == "UP"
    assert ("apps", "BACKEND") not in servers
    problems = haproxy_problems(servers, ["app1", "app2"])
    assert level(problems) == DEGRADED
    assert "app2" in problems[0].text


def test_haproxy_without_a_leader_or_apps_is_down():
    servers = haproxy_servers(CSV.replace(",UP", ",DOWN"))
    problems = haproxy_problems(servers, ["app1", "app2"])
    assert level(problems) == DOWN
    assert len(problems) == 2


def test_a_nearly_full_disk_is_named():
    assert disk_problem("pg2", 95, 100).text == "De schijf van pg2 is bijna vol (95% gebruikt)."
    assert disk_problem("pg2", 50, 100) is None


def test_an_empty_report_is_ok():
    assert Report().level == OK


def test_without_etcd_the_nodes_own_answers_still_show_the_leader():
    # GET /patroni of Patroni 3.0.2 (trimmed), as the nodes answer while etcd is down.
    answers = {
        "pg1": {"state": "running", "role": "replica", "sync_standby": True, "timeline": 2},
        "pg2": {"state": "running", "role": "master", "timeline": 2, "replication": []},
    }
    cluster = members_from_nodes(answers)
    states, problems = patroni_members(cluster)
    assert [(state.part, state.role) for state in states] == [("pg1", "sync_standby"), ("pg2", "leader")]
    assert problems == []
    assert members_from_nodes({"pg1": None, "pg2": None}) is None
    # The leader's replication rows tell too.
    answers["pg1"].pop("sync_standby")
    answers["pg2"]["replication"] = [{"application_name": "pg1", "state": "streaming", "sync_state": "sync"}]
    assert members_from_nodes(answers)["members"][0]["role"] == "sync_standby"
