//===----------------------------------------------------------------------===//
//
// Unit tests of the limits on what poolguard reads: bounded reading of
// files, JSON and YAML nesting depth, typed JSON fields.
//
//===----------------------------------------------------------------------===//

#include "TestFiles.h"
#include "facts/ConfigFiles.h"
#include "facts/Facts.h"
#include "models/Model.h"
#include "utils/JSONSyntax.h"
#include "utils/ReadFile.h"
#include "utils/YAMLDepth.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace clang::tidy::poolguard {
namespace {

std::string nested(unsigned Levels, llvm::StringRef Inner = "1") {
  return std::string(Levels, '[') + Inner.str() + std::string(Levels, ']');
}

template <typename T> std::string errorOf(llvm::Expected<T> V) {
  return V ? "" : llvm::toString(V.takeError());
}

TEST(BoundedParsingTest, JSONDepthIsCheckedWhileParsing) {
  EXPECT_EQ(errorOf(parseJSON(nested(MaxJSONDepth), "f.json")), "");
  EXPECT_EQ(errorOf(parseJSON(nested(MaxJSONDepth + 1), "f.json")),
            "f.json:1: nesting deeper than 64 levels");
  // Far deeper than any stack would take if something recursed.
  std::string Deep = "{\"version\":\n\n" + nested(1000000) + "}";
  EXPECT_EQ(errorOf(parseJSON(Deep, "f.json")),
            "f.json:3: nesting deeper than 64 levels");
  EXPECT_EQ(errorOf(parseOrderedJSON(Deep, "f.json")),
            "f.json:3: nesting deeper than 64 levels");
  // Brackets inside strings and comments do not count.
  EXPECT_EQ(errorOf(parseJSON(
                "// [[[[\n{\"a\": \"[[[[\",\n \"b\": " + nested(70) + "}",
                "c.json", /*IgnoreComments=*/true, 3)),
            "c.json:3: nesting deeper than 3 levels");
  EXPECT_EQ(errorOf(parseJSON("{\"a\":\n  1,}", "s.json")),
            "s.json:2: invalid JSON: syntax error while parsing object key - "
            "unexpected '}'; expected string literal");
}

TEST(BoundedParsingTest, FactsFileTooDeepIsAnError) {
  std::string Deep = "{\"version\": " + nested(100000) + "}";
  EXPECT_EQ(errorOf(factsFromJSON(Deep, "deep.json")),
            "deep.json:1: nesting deeper than 64 levels");
  // A version of the wrong type is named, not printed whole.
  EXPECT_EQ(
      errorOf(factsFromJSON("{\"version\": " + nested(10) + "}", "v.json")),
      "v.json: facts format version array is not supported (expected "
      "1); regenerate it with this poolguard");
}

TEST(BoundedParsingTest, FieldsOfTheWrongTypeAreNamed) {
  nlohmann::json J = nlohmann::json::parse(
      R"({"failed": "yes", "line": -1, "name": "x", "big": 5000000000})");
  std::string Error;
  JSONFieldReader R(J, "results[2]", Error);
  EXPECT_EQ(R.str("name"), "x");
  EXPECT_EQ(R.str("missing"), "");
  EXPECT_EQ(Error, "");
  EXPECT_FALSE(R.boolean("failed"));
  EXPECT_EQ(Error, "results[2].failed: expected a boolean");
  // Only the first error is kept.
  EXPECT_EQ(R.uns("line", 7), 7u);
  EXPECT_EQ(Error, "results[2].failed: expected a boolean");

  std::string E2;
  JSONFieldReader R2(J, "", E2);
  EXPECT_EQ(R2.uns("big"), 0u);
  EXPECT_EQ(E2, "big: expected an unsigned number");

  std::string E3;
  JSONFieldReader R3(nlohmann::json::array(), "x", E3);
  EXPECT_EQ(R3.str("a"), "");
  EXPECT_EQ(E3, "x: expected an object");

  EXPECT_EQ(
      errorOf(factsFromJSON(
          R"({"version": 1, "poolCreations": [{"unbounded": "yes"}]})", "f")),
      "f: invalid facts: poolCreations[0].unbounded: expected a boolean");
}

TEST(BoundedParsingTest, YAMLDepthIsBoundedInEveryDocument) {
  EXPECT_FALSE(checkYAMLDepth("a: [1, {b: c}]\n---\n- x\n", "s.yaml"));
  EXPECT_EQ(llvm::toString(checkYAMLDepth(nested(MaxYAMLDepth), "s.yaml")), "");
  EXPECT_EQ(llvm::toString(checkYAMLDepth(nested(MaxYAMLDepth + 1), "s.yaml")),
            "s.yaml:1: nesting deeper than 64 levels");
  // The second document, flow and block nesting, a deep mapping key.
  std::string Second = "a: 1\n---\nb:\n  " + nested(200000) + "\n";
  EXPECT_EQ(llvm::toString(checkYAMLDepth(Second, "s.yaml")),
            "s.yaml:4: nesting deeper than 64 levels");
  std::string Block;
  for (unsigned I = 0; I < 100000; ++I)
    Block += "- ";
  Block += "x\n";
  EXPECT_EQ(llvm::toString(checkYAMLDepth(Block, "b.yaml")),
            "b.yaml:1: nesting deeper than 64 levels");
  EXPECT_EQ(
      llvm::toString(checkYAMLDepth("? " + nested(1000) + "\n: v\n", "k.yaml")),
      "k.yaml:1: nesting deeper than 64 levels");
  EXPECT_EQ(llvm::toString(checkYAMLDepth("Checks: " + std::string(50000, '['),
                                          ".clang-tidy")),
            ".clang-tidy:1: nesting deeper than 64 levels");
  auto Config = parseYAMLConfig(Second, "static_config.yaml");
  EXPECT_EQ(errorOf(std::move(Config)),
            "static_config.yaml:4: nesting deeper than 64 levels");
}

TEST(BoundedParsingTest, ModelFileTooDeepNamesFileAndLine) {
  std::string Deep =
      "{\n  \"name\": \"m\",\n  \"poolTypes\": " + nested(20000, "\"x\"") +
      "\n}\n";
  EXPECT_EQ(errorOf(parseModel(Deep, "m.json")),
            "m.json:3: nesting deeper than 64 levels");
  // Within the limit: a type error, with the line of the key.
  std::string Shallow =
      "{\n  \"name\": \"m\",\n  \"poolTypes\": " + nested(40, "\"x\"") +
      "\n}\n";
  EXPECT_EQ(errorOf(parseModel(Shallow, "m.json")),
            "m.json:3: key 'poolTypes' must be an array of strings");
}

TEST(BoundedParsingTest, ReadInputFileRefusesSpecialAndLargeFiles) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("read-input", Dir));
  std::string Small = ::poolguard::test::writeTestFile(Dir, "small", "12345");
  auto Buf = readInputFile(Small, 5);
  ASSERT_TRUE(static_cast<bool>(Buf)) << llvm::toString(Buf.takeError());
  EXPECT_EQ((*Buf)->getBuffer(), "12345");
  EXPECT_EQ(errorOf(readInputFile(Small, 4)),
            "is larger than 0 MiB, the limit for this kind of file");
  EXPECT_EQ(errorOf(readInputFile(Dir, 100)),
            "is a directory, not a regular file");
  llvm::SmallString<128> Fifo(Dir);
  llvm::sys::path::append(Fifo, "fifo");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  EXPECT_EQ(errorOf(readInputFile(Fifo, 100)), "is a FIFO, not a regular file");
  llvm::SmallString<128> Missing(Dir);
  llvm::sys::path::append(Missing, "missing");
  EXPECT_EQ(errorOf(readInputFile(Missing, 100)), "No such file or directory");
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace clang::tidy::poolguard
