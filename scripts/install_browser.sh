#!/usr/bin/env bash
# Install what the browser tests need: Debian's Chromium and the Playwright Python package.
# `playwright install` is NOT used: it downloads a browser build, which is not possible here;
# the tests launch /usr/bin/chromium through Playwright instead.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
fi
python -m pip install -q "playwright>=1.45,<2"
