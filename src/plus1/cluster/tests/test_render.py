"""The rendered configuration: the contract's ports, transaction pooling, synchronous replication."""

from pathlib import Path

import yaml

from plus1.cluster import render
from plus1.cluster.layout import Layout, layout_for, ports


def rendered(tmp_path: Path, base: int = 15400, **options) -> dict[str, str]:
    layout = Layout(tmp_path / "cluster", ports=ports(base))
    render.render(layout, **options)
    return {path.name: path.read_text() for path in layout.conf.iterdir()}


def test_the_ports_follow_the_contract_from_the_base(tmp_path):
    files = rendered(tmp_path)
    assert "bind 127.0.0.1:15430" in files["haproxy.cfg"]  # writes -> leader
    assert "bind 127.0.0.1:15431" in files["haproxy.cfg"]  # reads -> replica
    assert "bind 127.0.0.1:15480" in files["haproxy.cfg"]  # HTTP front
    assert "bind 127.0.0.1:15490" in files["haproxy.cfg"]  # stats
    assert "server app1 127.0.0.1:15481 check" in files["haproxy.cfg"]
    assert "server app2 127.0.0.1:15482 check" in files["haproxy.cfg"]
    assert "listen_port = 15432" in files["pgbouncer.ini"]
    pg1 = yaml.safe_load(files["patroni-pg1.yml"])
    pg2 = yaml.safe_load(files["patroni-pg2.yml"])
    assert pg1["postgresql"]["listen"] == "127.0.0.1:15411"
    assert pg2["postgresql"]["listen"] == "127.0.0.1:15412"
    assert pg1["restapi"]["listen"] == "127.0.0.1:15421"
    assert pg2["restapi"]["listen"] == "127.0.0.1:15422"
    assert pg1["etcd3"]["hosts"] == "127.0.0.1:15400"
    etcd = yaml.safe_load(files["etcd.yml"])
    assert etcd["listen-client-urls"] == "http://127.0.0.1:15400"
    assert etcd["listen-peer-urls"] == "http://127.0.0.1:15401"


def test_another_base_moves_every_port(tmp_path):
    files = rendered(tmp_path, base=16400)
    assert "bind 127.0.0.1:16430" in files["haproxy.cfg"]
    assert "listen_port = 16432" in files["pgbouncer.ini"]
    assert "154" not in files["haproxy.cfg"] + files["pgbouncer.ini"] + files["patroni-pg2.yml"]


def test_nothing_is_left_unrendered(tmp_path):
    for name, text in rendered(tmp_path).items():
        assert "${" not in text.replace("${...}", ""), name


def test_pgbouncer_pools_per_transaction_towards_haproxy(tmp_path):
    ini = rendered(tmp_path)["pgbouncer.ini"]
    assert "pool_mode = transaction" in ini
    assert "server_reset_query =\n" in ini
    assert "plus1 = host=127.0.0.1 port=15430 dbname=plus1" in ini
    assert "plus1_replica = host=127.0.0.1 port=15431 dbname=plus1" in ini


def test_haproxy_sends_writes_only_to_the_patroni_leader(tmp_path):
    cfg = rendered(tmp_path)["haproxy.cfg"]
    write = cfg.split("listen write", 1)[1].split("\n\n", 1)[0]
    assert "option httpchk OPTIONS /primary" in write
    assert "http-check expect status 200" in write
    assert "on-marked-down shutdown-sessions" in write
    assert "check port 15421" in write and "check port 15422" in write
    assert "OPTIONS /replica" in cfg.split("backend read_replicas", 1)[1]


def test_patroni_replicates_synchronously_and_can_rewind(tmp_path):
    dcs = yaml.safe_load(rendered(tmp_path)["patroni-pg1.yml"])["bootstrap"]["dcs"]
    assert dcs["synchronous_mode"] is True
    assert dcs["synchronous_mode_strict"] is False
    assert dcs["postgresql"]["use_pg_rewind"] is True
    assert dcs["postgresql"]["parameters"]["wal_log_hints"] == "on"
    assert dcs["loop_wait"] + 2 * dcs["retry_timeout"] <= dcs["ttl"]


def test_strict_mode_is_a_choice(tmp_path):
    dcs = yaml.safe_load(rendered(tmp_path, strict=True)["patroni-pg2.yml"])["bootstrap"]["dcs"]
    assert dcs["synchronous_mode_strict"] is True


def test_cluster_env_holds_the_contract_variables(tmp_path):
    layout = Layout(tmp_path / "cluster", ports=ports(15400))
    layout.dir.mkdir()
    text = layout.write_env().read_text()
    assert "export DATABASE_URL=postgres://plus1@127.0.0.1:15432/plus1\n" in text
    assert "export PLUS1_DATABASE_REPLICA_URL=postgres://plus1@127.0.0.1:15432/plus1_replica\n" in text
    assert "export PLUS1_DB_SERVER_SIDE_BINDING=false\n" in text
    assert "export DJANGO_SETTINGS_MODULE=plus1.conf.dev\n" in text


def test_a_cluster_directory_remembers_its_ports_and_parts(tmp_path, monkeypatch):
    monkeypatch.delenv("PLUS1_CLUSTER_PORT_BASE", raising=False)
    started = Layout(tmp_path / "cluster", apps=1, workers=3, ports=ports(16400))
    started.dir.mkdir()
    started.write_env()
    found = layout_for(tmp_path / "cluster")
    assert found.ports == ports(16400)
    assert (found.apps, found.workers) == (1, 3)
    assert layout_for(tmp_path / "other").ports["pgbouncer"] == 15432
