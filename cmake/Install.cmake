# Install rules: the executable, the desktop entry, AppStream metadata, icons, the scene MIME type,
# the man page and shell completions (generated from the command-line definitions at build time),
# and the licence and README. Nothing here is read from the source or build tree at run time.
include(GNUInstallDirs)

set(ACTLAB_APP_ID io.github.actlab.ActLab)  # the reverse-DNS application id; keep it stable
set(ACTLAB_HOMEPAGE "https://github.com/actlab/actlab" CACHE STRING "ActLab's home page (metainfo, package)")
set(ACTLAB_RAW_URL "https://raw.githubusercontent.com/actlab/actlab/main" CACHE STRING
    "Where the metainfo's screenshots (docs/*.png) are downloaded from")

# The release: version and date of the changelog's first entry, which must match project(VERSION).
file(STRINGS ${PROJECT_SOURCE_DIR}/assets/debian/changelog changelog_lines)
list(GET changelog_lines 0 changelog_head)
if(NOT changelog_head MATCHES "^actlab \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "assets/debian/changelog starts with '${changelog_head}', not version ${PROJECT_VERSION}: "
                        "add an entry for the version in CMakeLists.txt")
endif()
foreach(line IN LISTS changelog_lines)
    if(line MATCHES "^ -- .*  [A-Za-z]+, ([0-9]+) ([A-Za-z]+) ([0-9]+) ")
        set(day ${CMAKE_MATCH_1})
        set(month_name ${CMAKE_MATCH_2})
        set(year ${CMAKE_MATCH_3})
        break()
    endif()
endforeach()
set(months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(FIND months "${month_name}" month)
math(EXPR month "${month} + 1" OUTPUT_FORMAT DECIMAL)
string(LENGTH "${day}" day_length)
string(LENGTH "${month}" month_length)
if(day_length EQUAL 1)
    set(day "0${day}")
endif()
if(month_length EQUAL 1)
    set(month "0${month}")
endif()
set(ACTLAB_RELEASE_DATE "${year}-${month}-${day}")
set(ACTLAB_RELEASE_NOTE "First release: activation functions with live parameters, the mini network, theory panels, scenes and lesson presets, figure export and the headless commands.")

set(generated ${PROJECT_BINARY_DIR}/install)
configure_file(${PROJECT_SOURCE_DIR}/assets/desktop/${ACTLAB_APP_ID}.metainfo.xml.in
               ${generated}/${ACTLAB_APP_ID}.metainfo.xml @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/assets/debian/copyright ${generated}/copyright @ONLY)

# Build-time outputs: the man page and completions (from `actlab --man`/`--completion`), the Debian
# changelog gzipped, and the icon rasterised at the usual sizes.
find_program(ACTLAB_GZIP gzip REQUIRED)
find_program(ACTLAB_RSVG_CONVERT rsvg-convert REQUIRED)  # librsvg2-bin
add_custom_command(
    OUTPUT ${generated}/actlab.1 ${generated}/actlab.1.gz ${generated}/actlab.bash ${generated}/_actlab
    COMMAND ${CMAKE_COMMAND} -DACTLAB=$<TARGET_FILE:actlab> -DGZIP=${ACTLAB_GZIP} -DOUT_DIR=${generated}
            -P ${PROJECT_SOURCE_DIR}/cmake/GenerateCliDocs.cmake
    DEPENDS actlab ${PROJECT_SOURCE_DIR}/cmake/GenerateCliDocs.cmake
    COMMENT "Generating the man page and shell completions from actlab's command line"
    VERBATIM)
add_custom_command(
    OUTPUT ${generated}/changelog.gz
    COMMAND ${ACTLAB_GZIP} -9nc ${PROJECT_SOURCE_DIR}/assets/debian/changelog > ${generated}/changelog.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/assets/debian/changelog)
set(ACTLAB_ICON_SIZES 16 22 24 32 48 64 128 256 512)
set(icon_svg ${PROJECT_SOURCE_DIR}/assets/desktop/${ACTLAB_APP_ID}.svg)
set(icon_pngs)
foreach(size IN LISTS ACTLAB_ICON_SIZES)
    set(png ${generated}/icons/${size}x${size}/apps/${ACTLAB_APP_ID}.png)
    add_custom_command(
        OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${generated}/icons/${size}x${size}/apps
        COMMAND ${ACTLAB_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${icon_svg}
        DEPENDS ${icon_svg}
        VERBATIM)
    list(APPEND icon_pngs ${png})
endforeach()
add_custom_target(actlab_install_files ALL DEPENDS
    ${generated}/actlab.1.gz ${generated}/actlab.bash ${generated}/_actlab ${generated}/changelog.gz ${icon_pngs})

install(TARGETS actlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/${ACTLAB_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${generated}/${ACTLAB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size IN LISTS ACTLAB_ICON_SIZES)
    install(FILES ${generated}/icons/${size}x${size}/apps/${ACTLAB_APP_ID}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/${ACTLAB_APP_ID}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${ACTLAB_APP_ID}.xml)
install(FILES ${generated}/actlab.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${generated}/actlab.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME actlab)
install(FILES ${generated}/_actlab DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
# Debian wants the copyright file (machine-readable) and the changelog gzipped; README and LICENSE
# are for everyone.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE ${generated}/copyright
              ${generated}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/actlab)
