#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh with pg_restore.
#
# Usage: DATABASE_URL=postgres://user:pass@host:5432/prestatiemonitor scripts/restore.sh file
# The target database must exist (createdb); whatever of Prestatiemonitor is in it is replaced
# (--clean). It runs in one transaction: an error leaves the database as it was.
# Stop the app servers first. See docs/deployment.md.
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1" ]]; then
    echo "Gebruik: scripts/restore.sh <back-upbestand>" >&2
    exit 2
fi
if [[ -z "${DATABASE_URL:-}" ]]; then
    echo "DATABASE_URL ontbreekt: zet de omgevingsvariabele DATABASE_URL." >&2
    exit 2
fi
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *)
        echo "Alleen een PostgreSQL-database (postgres://...) kan zo worden teruggezet." >&2
        exit 2
        ;;
esac

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --single-transaction --dbname="$DATABASE_URL" "$1"
echo "Teruggezet: $1"
