// The fuzz entry points compiled into the normal build, by target name.
#pragma once

#include "fuzz/fuzz_target.h"

#include <map>
#include <string>

namespace actlab::fuzz {

std::map<std::string, FuzzEntry>& Registry();

} // namespace actlab::fuzz
