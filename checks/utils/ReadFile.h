//===----------------------------------------------------------------------===//
//
// Every data or configuration file poolguard reads itself goes through here:
// facts, cache entries, the facts index, model files, baselines,
// `.clang-tidy`, userver/Drogon configuration files. The limits are in
// docs/reliability.md ("Limits on what poolguard reads").
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_READFILE_H
#define POOLGUARD_UTILS_READFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdint>
#include <memory>

namespace clang::tidy::poolguard {

/// The largest facts file, facts index, cache entry or baseline read.
constexpr uint64_t MaxDataFileBytes = uint64_t(64) << 20;
/// The largest model file, `.clang-tidy` or framework configuration read.
constexpr uint64_t MaxConfigFileBytes = uint64_t(8) << 20;
/// The largest source file poolguard reads itself (for line and column
/// numbers, NOLINT comments, the NUL-byte check and reports; clang reads
/// what it parses).
constexpr uint64_t MaxSourceFileBytes = uint64_t(256) << 20;

/// Reads \p Path whole, refusing anything that is not a regular file (a
/// FIFO would block, a device such as /dev/zero never ends, a directory
/// cannot be read) and files larger than \p MaxBytes. The file is checked
/// before it is opened, opened with O_NONBLOCK so that a FIFO put in its
/// place meanwhile cannot block, checked again once open, and read up to
/// \p MaxBytes + 1 bytes. The error's message is the reason only (callers
/// name the file as their wording requires); a system error keeps its code.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(llvm::StringRef Path, uint64_t MaxBytes);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_READFILE_H
