# Headless Chromium for the browser test (Playwright drives /usr/bin/chromium; its own browser
# download does not work here). Only `provision` installs it: services don't need it.

chromium_provision() {
  if [[ -x /usr/bin/chromium ]]; then
    say "chromium: found /usr/bin/chromium"
    return
  fi
  apt_install chromium chromium-driver
  [[ -x /usr/bin/chromium ]] || die "chromium: apt-get ran but /usr/bin/chromium is missing"
}
