//===----------------------------------------------------------------------===//
//
// Which files are libraries to the map step (tool/SkipBodies.h): outside the
// project's roots, or matched by --library-headers.
//
//===----------------------------------------------------------------------===//

#include "SkipBodies.h"
#include "gtest/gtest.h"

using namespace poolguard;

namespace {

ProjectRoots rootsAt(llvm::StringRef Dir) {
  ProjectRoots R;
  R.add(Dir);
  return R;
}

TEST(LibraryFilesTest, FilesOutsideTheRootsAreLibraries) {
  auto L = LibraryFiles::create(rootsAt("/work/proj"), "");
  ASSERT_TRUE(bool(L)) << llvm::toString(L.takeError());
  EXPECT_FALSE(L->contains("/work/proj/src/main.cpp"));
  EXPECT_FALSE(L->contains("/work/proj/include/app/Service.h"));
  EXPECT_TRUE(L->contains("/work/other/include/lib.h"));
  // A sibling whose name starts like the root is outside it.
  EXPECT_TRUE(L->contains("/work/project2/lib.h"));
  EXPECT_TRUE(L->contains("/usr/include/boost/asio.hpp"));
}

TEST(LibraryFilesTest, TheRegexNamesLibrariesInsideTheProject) {
  auto L = LibraryFiles::create(rootsAt("/work/proj"), "/third_party/|/vendor/");
  ASSERT_TRUE(bool(L)) << llvm::toString(L.takeError());
  EXPECT_TRUE(L->contains("/work/proj/third_party/json.hpp"));
  EXPECT_TRUE(L->contains("/work/proj/src/vendor/fmt/core.h"));
  EXPECT_FALSE(L->contains("/work/proj/src/third_party_glue.h"));
  EXPECT_FALSE(L->contains("/work/proj/src/main.cpp"));
}

TEST(LibraryFilesTest, WithoutRootsOnlyTheRegexNamesLibraries) {
  auto L = LibraryFiles::create(ProjectRoots(), "");
  ASSERT_TRUE(bool(L)) << llvm::toString(L.takeError());
  EXPECT_FALSE(L->contains("/anywhere/lib.h"));
  auto R = LibraryFiles::create(ProjectRoots(), "/lib\\.h$");
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(R->contains("/anywhere/lib.h"));
}

TEST(LibraryFilesTest, AnInvalidRegexIsAnErrorNamingIt) {
  auto L = LibraryFiles::create(rootsAt("/work/proj"), "third_party/(");
  ASSERT_FALSE(bool(L));
  EXPECT_EQ(llvm::toString(L.takeError()),
            "--library-headers: invalid regular expression 'third_party/(': "
            "parentheses not balanced");
}

TEST(LibraryFilesTest, TheDescriptionKeysTheCache) {
  auto A = LibraryFiles::create(rootsAt("/work/proj"), "");
  auto B = LibraryFiles::create(rootsAt("/work/proj"), "/vendor/");
  auto C = LibraryFiles::create(rootsAt("/work/other"), "");
  ASSERT_TRUE(A && B && C);
  EXPECT_NE(A->describe(), B->describe());
  EXPECT_NE(A->describe(), C->describe());
}

} // namespace
