.PHONY: demo test bench
demo:  ## set up and run the demo on http://127.0.0.1:8000
	./scripts/demo.sh
test:  ## set up and run the whole test suite (SQLite and PostgreSQL)
	./scripts/test.sh
bench:  ## run the benchmarks and print their figures
	./bench/run.sh
