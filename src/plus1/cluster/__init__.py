"""The local high-availability cluster: ``plus1 cluster up|down|status|kill|start``.

etcd, two PostgreSQL nodes under Patroni, HAProxy, pgbouncer, app nodes and workers on
loopback, from Debian's packages; the configuration in deploy/cluster/ is also the
production layout (docs/operations.md, "Cluster (high availability)").
"""
