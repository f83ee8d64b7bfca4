#!/bin/sh
# Renders every raster icon from build/icon.svg, so the SVG stays the only source of the mark.
# Needs rsvg-convert (apt: librsvg2-bin) and ImageMagick (apt: imagemagick) for the Windows .ico.
# Run from anywhere: sh build/renderIcons.sh
set -eu
cd "$(dirname "$0")"
rsvg-convert -w 512 -h 512 icon.svg -o icon.png
mkdir -p icons
# The sizes the freedesktop hicolor theme and electron-builder's Linux targets look for, named NxN.png.
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
# Windows wants one .ico holding several sizes (NSIS installer and the .exe).
convert icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png icon.ico
