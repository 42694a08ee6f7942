#!/bin/sh
# Browser tests drive Debian's Chromium. Install it when missing and we are root; otherwise say
# the one command to run.
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (apt-get)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    && exit 0
  echo "apt-get could not install chromium." >&2
  exit 1
fi
echo "The browser tests need Debian's chromium. Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
