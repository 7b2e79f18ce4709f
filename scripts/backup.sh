#!/usr/bin/env bash
# Back up the PostgreSQL database of Prestatiemonitor with pg_dump (custom format, -Fc).
#
# Usage: DATABASE_URL=postgres://user:pass@host:5432/prestatiemonitor scripts/backup.sh [file]
# Without a file name it writes prestatiemonitor-<date>-<time>.dump in the current directory.
# Restore with scripts/restore.sh. See docs/deployment.md.
set -euo pipefail

if [[ -z "${DATABASE_URL:-}" ]]; then
    echo "DATABASE_URL ontbreekt: zet de omgevingsvariabele DATABASE_URL." >&2
    exit 2
fi
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *)
        echo "Alleen een PostgreSQL-database (postgres://...) kan zo worden geback-upt." >&2
        exit 2
        ;;
esac

bestand="${1:-prestatiemonitor-$(date +%Y%m%d-%H%M%S).dump}"
# Write to a temporary name first: a failed dump never leaves a file that looks complete.
pg_dump --format=custom --no-owner --no-privileges --file="$bestand.deels" "$DATABASE_URL"
mv "$bestand.deels" "$bestand"
echo "Back-up geschreven: $bestand"
