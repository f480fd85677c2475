# Warnings and sanitizers as INTERFACE targets, linked PRIVATE to our own targets only, so that
# third-party code (Dear ImGui, glad) is never compiled with our warning set.
add_library(actlab_warnings INTERFACE)
target_compile_options(actlab_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion)

add_library(actlab_sanitizers INTERFACE)
if(ACTLAB_SANITIZE)
    set(_actlab_san_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_compile_options(actlab_sanitizers INTERFACE ${_actlab_san_flags})
    target_link_options(actlab_sanitizers INTERFACE ${_actlab_san_flags})
    # Executables only: a dlclose that keeps shared objects loaded, exported so that the libraries'
    # calls reach it (see the file).
    set(_actlab_is_exe "$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>")
    target_sources(actlab_sanitizers INTERFACE
        "$<${_actlab_is_exe}:${PROJECT_SOURCE_DIR}/tests/sanitizers/keep_modules_loaded.cpp>")
    target_link_options(actlab_sanitizers INTERFACE "$<${_actlab_is_exe}:LINKER:--export-dynamic-symbol=dlclose>")
endif()

# Everything we compile ourselves links this one target.
add_library(actlab_project_options INTERFACE)
target_link_libraries(actlab_project_options INTERFACE actlab_warnings actlab_sanitizers)
