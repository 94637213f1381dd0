# Shared by demo.sh and test.sh: install what is missing, configure, build.
# Sourced, not run.

AIDGE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AIDGE_BUILD=${AIDGE_BUILD:-$AIDGE_ROOT/build}
LLVM_PREFIX=/usr/lib/llvm-22

AIDGE_PACKAGES=(
  cmake ninja-build ccache g++
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libprotobuf-dev protobuf-compiler libonnx-dev libonnx-testdata
  python3 python3-onnx python3-numpy python3-torch python3-torchvision libgtest-dev
  librsvg2-bin
  pybind11-dev python3-dev python3-jinja2 python3-pytest
)

aidge_install_deps() {
  local missing=()
  for pkg in "${AIDGE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

aidge_build() {
  if [ ! -f "$AIDGE_BUILD/build.ninja" ]; then
    echo "==> configuring $AIDGE_BUILD"
    cmake -G Ninja -S "$AIDGE_ROOT" -B "$AIDGE_BUILD" \
      -DCMAKE_BUILD_TYPE=Release -DLLVM_ENABLE_ASSERTIONS=ON \
      -DMLIR_DIR="$LLVM_PREFIX/lib/cmake/mlir" \
      -DLLVM_EXTERNAL_LIT="$LLVM_PREFIX/bin/lit" >/dev/null
  fi
  echo "==> building"
  ninja -C "$AIDGE_BUILD" -j2 "$@"
}
