#!/usr/bin/env bash
# Vendor the NL Design System CSS that Prestatiemonitor uses.
#
# The app serves these files itself (no CDN, no npm at run time), so they are
# committed under static/vendor/nl-design-system/. Run this script only to
# upgrade: change a version below, run it, check the pages, commit the result.
#
# - @utrecht/component-library-css: the white-label Utrecht CSS components
#   (utrecht-* BEM classes), EUPL-1.2.
# - @nl-design-system-unstable/voorbeeld-design-tokens: the neutral
#   "Voorbeeld" theme of NL Design System, EUPL-1.2. Its theme.css scopes all
#   tokens to the class "voorbeeld-theme", which base.html sets on <body>.
#   (@utrecht/design-tokens is not used: those are proprietary brand assets of
#   Gemeente Utrecht.)
#
# Usage: scripts/update_nl_design_system.sh
set -euo pipefail

COMPONENTS_PACKAGE="@utrecht/component-library-css"
COMPONENTS_VERSION="9.0.4"
TOKENS_PACKAGE="@nl-design-system-unstable/voorbeeld-design-tokens"
TOKENS_VERSION="7.4.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${repo_root}/static/vendor/nl-design-system"

command -v npm >/dev/null || { echo "npm is nodig om dit script te draaien" >&2; exit 1; }

workdir="$(mktemp -d)"
trap 'rm -rf "${workdir}"' EXIT

cd "${workdir}"
printf '{"name": "nl-design-system-vendor", "private": true}\n' > package.json
# --ignore-scripts: we only need the published files, never run package code.
npm install --save-exact --no-audit --no-fund --ignore-scripts --omit=dev \
    "${COMPONENTS_PACKAGE}@${COMPONENTS_VERSION}" \
    "${TOKENS_PACKAGE}@${TOKENS_VERSION}"

components="${workdir}/node_modules/${COMPONENTS_PACKAGE}"
tokens="${workdir}/node_modules/${TOKENS_PACKAGE}"

copy() {  # copy <source file> <destination file>, failing loudly if missing
    if [[ ! -f "$1" ]]; then
        echo "Bestand ontbreekt in het npm-pakket: $1" >&2
        exit 1
    fi
    install -D -m 0644 "$1" "$2"
}

rm -rf "${target}"
copy "${components}/dist/index.css" "${target}/utrecht-component-library-css/index.css"
copy "${components}/LICENSE.md" "${target}/utrecht-component-library-css/LICENSE.md"
copy "${tokens}/dist/theme.css" "${target}/voorbeeld-design-tokens/theme.css"
copy "${tokens}/LICENSE.md" "${target}/voorbeeld-design-tokens/LICENSE.md"

# The app must not fetch anything from elsewhere at run time.
if grep -En '@import|url\((["'"'"']?)(https?:)?//' "${target}"/*/*.css; then
    echo "Gevendorde CSS laadt externe bronnen; controleer de update." >&2
    exit 1
fi

{
    echo "Gegenereerd door scripts/update_nl_design_system.sh; niet met de hand wijzigen."
    echo
    echo "${COMPONENTS_PACKAGE}@${COMPONENTS_VERSION} (EUPL-1.2)"
    echo "${TOKENS_PACKAGE}@${TOKENS_VERSION} (EUPL-1.2)"
    echo
    (cd "${target}" && sha256sum */*.css)
} > "${target}/VERSIONS.txt"

echo "Bijgewerkt: ${target}"
du -sh "${target}"
