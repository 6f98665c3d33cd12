#!/bin/sh
# Run by Patroni once, on the first leader, after initdb (Patroni 3 dropped bootstrap.users).
# $1 is a connection URL of the new cluster's superuser.
# Locally the role plus1 may create databases (pytest's test_plus1); it owns the database
# plus1 and so may create the trusted extension btree_gist its migrations need.
# Production: the same, with a password (or a certificate) and without CREATEDB.
set -eu
"${pg_bin}/psql" "$1" -v ON_ERROR_STOP=1 -q <<'SQL'
CREATE ROLE plus1 LOGIN CREATEDB;
CREATE DATABASE plus1 OWNER plus1 ENCODING 'UTF8' TEMPLATE template0;
SQL
