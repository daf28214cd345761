//===----------------------------------------------------------------------===//
//
// Positions in source text, shared by the text output, SARIF and the driver.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_SOURCETEXT_H
#define POOLGUARD_TOOL_SOURCETEXT_H

#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <optional>
#include <utility>

namespace poolguard {

/// The text of line \p Line (1-based) of \p Text, without its line ending;
/// none when the text has no such line.
inline std::optional<llvm::StringRef> lineOf(llvm::StringRef Text,
                                             unsigned Line) {
  if (Line == 0)
    return std::nullopt;
  size_t Start = 0;
  for (unsigned L = 1; L < Line; ++L) {
    Start = Text.find('\n', Start);
    if (Start == llvm::StringRef::npos)
      return std::nullopt;
    ++Start;
  }
  if (Start == Text.size() && Line > 1)
    return std::nullopt;
  llvm::StringRef Result =
      Text.substr(Start).take_until([](char C) { return C == '\n'; });
  return Result.ends_with("\r") ? Result.drop_back() : Result;
}

/// The 1-based line and byte column of \p Offset in \p Text.
inline std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Text,
                                                unsigned Offset) {
  Offset = std::min<unsigned>(Offset, Text.size());
  llvm::StringRef Before = Text.substr(0, Offset);
  unsigned Line = 1 + Before.count('\n');
  size_t LineStart = Before.rfind('\n');
  unsigned Column =
      Offset - (LineStart == llvm::StringRef::npos ? 0 : LineStart + 1) + 1;
  return {Line, Column};
}

} // namespace poolguard

#endif // POOLGUARD_TOOL_SOURCETEXT_H
