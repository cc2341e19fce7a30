#!/usr/bin/env bash
# Installs what the console's browser tests drive: Debian's Chromium and its chromedriver, and a CJK font so that
# the zh-CN pages (and the screenshots in docs/console.md) show Chinese. Does nothing when they are already there.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-microhei)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-chromium: chromium, chromedriver and a CJK font are present"
  exit 0
fi
echo "install-chromium: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
/usr/bin/chromium --version
/usr/bin/chromedriver --version
