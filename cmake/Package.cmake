# The Debian package: `cpack -G DEB` in the build folder (or `scripts/dev package`) makes
# actlab_<version>_<arch>.deb from the install rules (cmake/Install.cmake). Depends come from
# dpkg-shlibdeps, plus what actlab opens at run time without linking it.
set(CPACK_PACKAGE_NAME actlab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The ActLab developers")
set(CPACK_PACKAGE_CONTACT "The ActLab developers <actlab@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "laboratory for neural-network activation functions")
set(CPACK_PACKAGE_HOMEPAGE_URL ${ACTLAB_HOMEPAGE})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(ACTLAB_PACKAGE_MAINTAINER "The ActLab developers <actlab@example.org>" CACHE STRING
    "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${ACTLAB_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # actlab_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not linked, so invisible to dpkg-shlibdeps (which adds libfontconfig1, the font lookup): DejaVu Sans,
# the font that lookup prefers for the window and SVG text, Mesa's EGL
# and OpenGL drivers (libglvnd loads them) for the window and PNG figures.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libegl-mesa0, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# The extended description; CPack puts the summary above it and indents it as Debian wants.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "ActLab plots the activation functions of neural networks (ReLU and
its variants, ELU, SELU, GELU, SiLU, sigmoid, tanh and more) and their
derivatives with live parameter sliders, trains a small network in front
of a class to show dying ReLUs and vanishing gradients, and exports
figures for slides as PNG, SVG or CSV.

Lecture mode scales the interface up to 3x with a high-contrast projector
theme; the headless commands (eval, render, train, softmax and more) work
without a display.")
# Full RELRO (relocations read-only, bound at start), as Debian's hardening flags build packages.
target_link_options(actlab PRIVATE "LINKER:-z,relro" "LINKER:-z,now")
include(CPack)
