//===----------------------------------------------------------------------===//
//
// Which executables each source file is linked into, from the CMake File
// API's codemodel (query file codemodel-v2): the programs poolguard counts
// instances in, when the build system says which sources link together.
// The tool reads it from its -p directory; the plugin and poolguard-clangd
// from the build directory of the compile database they found, so every
// front end gives a TU the same programs.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_CMAKEPROGRAMS_H
#define POOLGUARD_FACTS_CMAKEPROGRAMS_H

#include "facts/Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// For each source file (absolute path), the executables (CMake target
/// names, sorted) whose link closure holds it: its own target's, and those
/// of every executable depending on its library, transitively.
using SourcePrograms = llvm::StringMap<std::vector<std::string>>;

/// Reads the newest reply index in `<BuildDir>/.cmake/api/v1/reply/` and the
/// codemodel-v2 and target files it names. std::nullopt when the build
/// directory has no reply (no query, or not a CMake build); an error naming
/// the file and what is wrong when a reply file is unreadable or malformed.
llvm::Expected<std::optional<SourcePrograms>>
readCMakePrograms(llvm::StringRef BuildDir);

/// readCMakePrograms, cached per build directory and reply index (CMake
/// writes a new index each time it generates): the plugin and
/// poolguard-clangd analyze many TUs of one build in one process. nullptr
/// when the build directory has no reply.
llvm::Expected<std::shared_ptr<const SourcePrograms>>
loadCMakePrograms(llvm::StringRef BuildDir);

/// Marks the registrations and pool creations of \p F, the facts of the TU
/// \p File, as made in the executables \p P lists for it (Program:
/// ';'-separated target names); facts of a file \p P does not list keep
/// the program its `main` gave them.
void assignPrograms(const SourcePrograms &P, llvm::StringRef File, Facts &F);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_CMAKEPROGRAMS_H
