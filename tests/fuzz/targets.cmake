# The fuzz targets, one per line: tests/fuzz/fuzz_<name>.cpp holds ACTLAB_FUZZ_TARGET(<name>), seeds
# live in corpus/<name>/, and inputs that once crashed are kept in regressions/<name>/. Both the fuzz
# preset (tests/fuzz/CMakeLists.txt) and the normal test build read this list.
set(ACTLAB_FUZZ_TARGETS
    network_json
    dataset_csv
    param
    number
    state_json
    scene
    deck
)
