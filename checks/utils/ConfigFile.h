//===----------------------------------------------------------------------===//
//
// Configuration files as every front end reads them: a clang-tidy
// configuration parsed strictly, and the one rule for relative paths in
// check options (docs/configuration.md): relative to the directory of the
// configuration file that sets them, on the command line relative to the
// directory poolguard (or clang-tidy, or clangd) started in.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_CONFIGFILE_H
#define POOLGUARD_UTILS_CONFIGFILE_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// Parses a clang-tidy configuration (a .clang-tidy file, --config-file or
/// --config; \p Name in errors): one error line with file, line, column and
/// what is wrong; a file too large or nested too deep is refused unparsed.
llvm::Expected<ClangTidyOptions> parseConfigFile(llvm::MemoryBufferRef Config,
                                                 llvm::StringRef Name);

/// The names of the check options that hold paths (IndexFile, ModelFiles,
/// ConfigFiles), with or without a check prefix; list options are
/// ';'-separated.
bool isPathOption(llvm::StringRef Key);

/// The elements of a ';'-separated list option, trimmed, empty ones dropped.
std::vector<std::string> splitPathList(llvm::StringRef Value);

/// \p Value, a path or a ';'-separated list of paths, with each relative
/// element made absolute against \p BaseDir.
std::string anchorPaths(llvm::StringRef Value, llvm::StringRef BaseDir);

/// Makes the path options (isPathOption) of \p Opts absolute against
/// \p BaseDir: the directory of the file they were read from.
void anchorPathOptions(ClangTidyOptions &Opts, llvm::StringRef BaseDir);

/// The directory a relative \p Value of the option \p LocalKey (or its
/// global form \p GlobalKey) is relative to, for a front end that does not
/// say where its options came from (clang-tidy, clangd): the nearest
/// directory above \p File whose .clang-tidy or .clangd sets the option to
/// \p Value, else the directory the process started in.
std::string optionBaseDirectory(llvm::StringRef File, llvm::StringRef LocalKey,
                                llvm::StringRef GlobalKey,
                                llvm::StringRef Value);

/// The working directory when the checks library was loaded: the command
/// line's directory, before clang-tidy changes into a compile command's.
llvm::StringRef startupDirectory();

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_CONFIGFILE_H
