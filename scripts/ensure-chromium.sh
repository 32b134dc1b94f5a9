#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the end-to-end tests of `thidua serve`.
# Never fails the caller: without Chromium those tests skip and say why.
if [ -x /usr/bin/chromium ]; then
  echo "ensure-chromium: /usr/bin/chromium already installed ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no apt-get on this machine; the browser tests will skip"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: not root and no sudo; cannot install chromium, the browser tests will skip"
    exit 0
  fi
fi
echo "ensure-chromium: installing chromium with apt-get"
if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; then
  echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
else
  echo "ensure-chromium: apt-get could not install chromium; the browser tests will skip"
fi
exit 0
