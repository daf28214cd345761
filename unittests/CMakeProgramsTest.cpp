//===----------------------------------------------------------------------===//
//
// Unit tests of the CMake File API codemodel reader: which executables each
// source links into, and bad replies as errors naming the file.
//
//===----------------------------------------------------------------------===//

#include "facts/CMakePrograms.h"
#include "TestFiles.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

using ::poolguard::test::writeTestFile;

/// A build directory with a codemodel reply: executables producer and
/// monitor, both linking the static library queue.
class CMakeProgramsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cmake-programs", Build));
    Reply = Build;
    llvm::sys::path::append(Reply, ".cmake", "api", "v1", "reply");
    ASSERT_FALSE(llvm::sys::fs::create_directories(Reply));
    writeTestFile(Reply, "index-2026-01-01T00-00-00-0000.json",
                  R"({"objects": [{"kind": "codemodel",
                      "version": {"major": 2, "minor": 6},
                      "jsonFile": "codemodel-v2-1.json"}]})");
    writeTestFile(Reply, "codemodel-v2-1.json",
                  R"({"kind": "codemodel",
                      "paths": {"source": "/src", "build": "/src/build"},
                      "configurations": [{"name": "", "targets": [
                        {"name": "producer", "id": "producer::@1",
                         "jsonFile": "target-producer.json"},
                        {"name": "monitor", "id": "monitor::@1",
                         "jsonFile": "target-monitor.json"},
                        {"name": "queue", "id": "queue::@1",
                         "jsonFile": "target-queue.json"}]}]})");
    writeTestFile(Reply, "target-producer.json",
                  R"({"name": "producer", "type": "EXECUTABLE",
                      "sources": [{"path": "apps/producer.cpp"}],
                      "dependencies": [{"id": "queue::@1"}]})");
    writeTestFile(Reply, "target-monitor.json",
                  R"({"name": "monitor", "type": "EXECUTABLE",
                      "sources": [{"path": "apps/monitor.cpp"}],
                      "dependencies": [{"id": "queue::@1"}]})");
    writeTestFile(Reply, "target-queue.json",
                  R"({"name": "queue", "type": "STATIC_LIBRARY",
                      "sources": [{"path": "lib/queue.cpp"},
                                  {"path": "/abs/gen.cpp"}]})");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Build); }

  llvm::SmallString<128> Build, Reply;
};

TEST_F(CMakeProgramsTest, SourcesMapToTheExecutablesLinkingThem) {
  auto P = readCMakePrograms(Build);
  ASSERT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  ASSERT_TRUE(P->has_value());
  const SourcePrograms &Programs = **P;
  EXPECT_EQ(Programs.lookup("/src/apps/producer.cpp"),
            std::vector<std::string>{"producer"});
  EXPECT_EQ(Programs.lookup("/src/lib/queue.cpp"),
            (std::vector<std::string>{"monitor", "producer"}));
  EXPECT_EQ(Programs.lookup("/abs/gen.cpp"),
            (std::vector<std::string>{"monitor", "producer"}));

  Facts F;
  F.Registrations.emplace_back();
  F.Registrations.back().Program = "/src/lib/queue.cpp";
  assignPrograms(Programs, "/src/lib/queue.cpp", F);
  EXPECT_EQ(F.Registrations.back().Program, "monitor;producer");
  assignPrograms(Programs, "/elsewhere.cpp", F);
  EXPECT_EQ(F.Registrations.back().Program, "monitor;producer");
}

TEST_F(CMakeProgramsTest, NoReplyIsNoCodemodel) {
  llvm::sys::fs::remove_directories(Reply);
  auto P = readCMakePrograms(Build);
  ASSERT_TRUE(static_cast<bool>(P));
  EXPECT_FALSE(P->has_value());
}

// The plugin's loader reads a reply once per generation: a newer index
// (CMake generated again) is read again, a malformed one is an error naming
// it, and no reply is nullptr.
TEST_F(CMakeProgramsTest, LoadsEachGenerationOnce) {
  auto First = loadCMakePrograms(Build);
  ASSERT_TRUE(static_cast<bool>(First)) << llvm::toString(First.takeError());
  ASSERT_TRUE(*First);
  auto Again = loadCMakePrograms(Build);
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_EQ(Again->get(), First->get());

  writeTestFile(Reply, "target-monitor.json",
                R"({"name": "monitor", "type": "EXECUTABLE",
                    "sources": [{"path": "apps/monitor.cpp"}]})");
  writeTestFile(Reply, "index-2026-01-02T00-00-00-0000.json",
                R"({"objects": [{"kind": "codemodel",
                    "jsonFile": "codemodel-v2-1.json"}]})");
  auto Next = loadCMakePrograms(Build);
  ASSERT_TRUE(static_cast<bool>(Next)) << llvm::toString(Next.takeError());
  ASSERT_TRUE(*Next);
  EXPECT_NE(Next->get(), First->get());
  EXPECT_EQ((*Next)->lookup("/src/lib/queue.cpp"),
            std::vector<std::string>{"producer"});

  writeTestFile(Reply, "index-2026-01-03T00-00-00-0000.json", "{");
  auto Bad = loadCMakePrograms(Build);
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError())
                .find("index-2026-01-03T00-00-00-0000.json"),
            std::string::npos);

  llvm::sys::fs::remove_directories(Reply);
  auto None = loadCMakePrograms(Build);
  ASSERT_TRUE(static_cast<bool>(None));
  EXPECT_FALSE(*None);
}

TEST_F(CMakeProgramsTest, BadRepliesAreErrorsNamingTheFile) {
  auto ErrorOf = [&] {
    auto P = readCMakePrograms(Build);
    return P ? std::string() : llvm::toString(P.takeError());
  };
  writeTestFile(Reply, "target-queue.json", R"({"sources": "lib/queue.cpp"})");
  EXPECT_NE(ErrorOf().find("target-queue.json: sources: expected an array"),
            std::string::npos)
      << ErrorOf();
  writeTestFile(Reply, "codemodel-v2-1.json",
                R"({"paths": {"source": "/src"}, "configurations": [
                    {"targets": [{"id": "x", "jsonFile": "../../../x.json"}]}]})");
  EXPECT_NE(ErrorOf().find("invalid jsonFile '../../../x.json'"),
            std::string::npos)
      << ErrorOf();
  writeTestFile(Reply, "codemodel-v2-1.json", "{\"paths\": ");
  EXPECT_NE(ErrorOf().find("codemodel-v2-1.json:1: invalid JSON"),
            std::string::npos)
      << ErrorOf();
}

} // namespace
} // namespace clang::tidy::poolguard
