//===----------------------------------------------------------------------===//
//
// Every file poolguard writes goes through here: reports, indexes, facts,
// baselines, export-fixes YAML, cache entries and --fix. The rules are in
// docs/reliability.md ("Files poolguard writes").
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_ATOMICFILE_H
#define POOLGUARD_UTILS_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace clang::tidy::poolguard {

/// Writes an output (a report, an index, facts, a baseline) to \p Path.
/// - A new file, or an existing regular file with one link, is replaced
///   atomically: a temporary file in the same directory, the old file's
///   permissions (and owner, where the process may set it), then a rename,
///   so readers never see a half-written file.
/// - A symlink is followed: the file it names is replaced, the link stays.
/// - A file that is this process's standard output or error (/dev/stdout,
///   /proc/self/fd/1, or the file stdout is redirected to) is written
///   through that descriptor.
/// - Any other existing file that is not a regular file (a device, a FIFO)
///   is written in place and never replaced; a regular file with several
///   hard links is rewritten in place so that every link sees it.
/// - A directory, a read-only file (no write permission bit, or not
///   writable by this process) and a dangling symlink are errors.
/// Errors name \p Path and what failed.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

/// Replaces the contents of the existing source file \p Path, which held
/// \p Old when it was read, with \p New (--fix). The file the user has is
/// edited: symlinks are followed to the real file, a hard-linked file is
/// rewritten in place (its links are kept), and the replacement keeps the
/// mode, owner and group. A file that is not regular, or is read-only, is
/// refused. Immediately before the replace the file is read again, and if it
/// no longer holds \p Old (an editor saved it meanwhile) nothing is written
/// and the error says it changed since it was analyzed.
llvm::Error rewriteFile(llvm::StringRef Path, llvm::StringRef Old,
                        llvm::StringRef New);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_ATOMICFILE_H
