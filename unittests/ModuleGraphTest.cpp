//===----------------------------------------------------------------------===//
//
// Unit tests of the module import graph.
//
//===----------------------------------------------------------------------===//

#include "facts/ModuleGraph.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

ImportFact import(llvm::StringRef Module, llvm::StringRef Imported) {
  ImportFact I;
  I.Module = Module.str();
  I.Imported = Imported.str();
  return I;
}

TEST(ModuleGraphTest, RootsImportOthersAndAreImportedByNone) {
  ModuleGraph G({import("b", "c"), import("a", "b"), import("z", "c")});
  EXPECT_EQ(G.roots(), (std::vector<std::string>{"a", "z"}));
}

TEST(ModuleGraphTest, DistanceIsToTheNearestStart) {
  ModuleGraph G({import("a", "b"), import("b", "c"), import("c", "d"),
                 import("z", "c")});
  llvm::StringMap<unsigned> D = G.distancesFrom(G.roots());
  EXPECT_EQ(D.size(), 5u);
  EXPECT_EQ(D.lookup("a"), 0u);
  EXPECT_EQ(D.lookup("b"), 1u);
  EXPECT_EQ(D.lookup("c"), 1u);
  EXPECT_EQ(D.lookup("d"), 2u);
}

TEST(ModuleGraphTest, ReachesItselfAndFollowsCycles) {
  ModuleGraph G({import("a", "b"), import("b", "a"), import("c", "a")});
  llvm::StringMap<unsigned> D = G.distancesFrom({std::string("b")});
  EXPECT_EQ(D.size(), 2u);
  EXPECT_EQ(D.lookup("b"), 0u);
  EXPECT_EQ(D.lookup("a"), 1u);
  EXPECT_TRUE(G.distancesFrom({std::string("unknown")}).count("unknown"));
}

} // namespace
} // namespace clang::tidy::poolguard
