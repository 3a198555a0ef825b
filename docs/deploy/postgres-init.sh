#!/bin/sh
# Run once by the postgres image, on an empty data volume: the portal's two
# roles (docs/decisions/0013) and its database. imr_owner owns the tables and
# migrates; imr_app is what the app servers and the worker connect as.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$IMR_OWNER_PASSWORD" -v app_password="$IMR_APP_PASSWORD" <<'SQL'
CREATE ROLE imr_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE imr_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE imr OWNER imr_owner;
\c imr
ALTER SCHEMA public OWNER TO imr_owner;
SQL
