.PHONY: demo test bench cluster
demo:  ## set up and run the demo on http://127.0.0.1:8000
	./scripts/demo.sh
test:  ## set up and run the whole test suite (SQLite and PostgreSQL)
	./scripts/test.sh
bench:  ## run the benchmarks and print their figures
	./bench/run.sh
cluster:  ## start the local HA cluster (Patroni, HAProxy, pgbouncer, 2 apps) with demo data on http://127.0.0.1:15480
	bash -c 'source scripts/setup.sh && plus1 cluster up --demo'
