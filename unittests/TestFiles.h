//===----------------------------------------------------------------------===//
//
// Files the unit tests write.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UNITTESTS_TESTFILES_H
#define POOLGUARD_UNITTESTS_TESTFILES_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>

namespace poolguard::test {

/// Writes \p Text to \p Name in \p Dir; returns the file's path.
inline std::string writeTestFile(llvm::StringRef Dir, llvm::StringRef Name,
                                 llvm::StringRef Text) {
  llvm::SmallString<128> Path(Dir);
  llvm::sys::path::append(Path, Name);
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  EXPECT_FALSE(EC) << Path.str().str() << ": " << EC.message();
  OS << Text;
  return std::string(Path);
}

} // namespace poolguard::test

#endif // POOLGUARD_UNITTESTS_TESTFILES_H
