# Runs the built actlab to write its man page (gzipped, as Debian installs man pages) and its bash and
# zsh completions, from the command-line definitions themselves. Script mode:
#   cmake -DACTLAB=path/to/actlab -DGZIP=path/to/gzip -DOUT_DIR=dir -P GenerateCliDocs.cmake
foreach(output IN ITEMS "actlab.1;--man" "actlab.bash;--completion;bash" "_actlab;--completion;zsh")
    list(POP_FRONT output file)
    execute_process(COMMAND ${ACTLAB} ${output} OUTPUT_FILE ${OUT_DIR}/${file} RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "actlab ${output} failed (${status})")
    endif()
endforeach()
# -n: no name or time stamp inside, so the same page gives the same bytes.
file(COPY_FILE ${OUT_DIR}/actlab.1 ${OUT_DIR}/actlab.1.copy)
execute_process(COMMAND ${GZIP} -9nf ${OUT_DIR}/actlab.1.copy RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip of actlab.1 failed (${status})")
endif()
file(RENAME ${OUT_DIR}/actlab.1.copy.gz ${OUT_DIR}/actlab.1.gz)
