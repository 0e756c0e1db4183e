#!/usr/bin/env bash
# `npm run bench:setup`: the Debian packages `npm run bench` needs for its PyTorch anchor. Never part of
# `npm test` or CI. libopenblas0-pthread matters: without it Debian's torch calls the reference BLAS
# (libblas3) and runs about 7x slower, which would make the anchor unfair.
set -euo pipefail
packages=(python3-torch python3-numpy libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    echo "bench:setup: $p already installed"
  else
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "bench:setup: installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "bench:setup: libblas.so.3 is $(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || echo 'not selected')"
# Debian's torch lives in /usr/bin/python3's dist-packages; another python3 may come first on PATH.
/usr/bin/python3 -c 'import torch, numpy; print("bench:setup: torch", torch.__version__, "numpy", numpy.__version__, "ready")'
