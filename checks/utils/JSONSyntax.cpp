//===----------------------------------------------------------------------===//
//
// Where a JSON text first breaks.
//
//===----------------------------------------------------------------------===//

#include "utils/JSONSyntax.h"
#include "llvm/Support/FormatVariadic.h"
#include <nlohmann/json.hpp>
#include <algorithm>

namespace clang::tidy::poolguard {

namespace {

using json = nlohmann::json;

/// Records where nlohmann stopped on a syntax error, without exceptions.
struct SyntaxErrorFinder : nlohmann::json_sax<json> {
  size_t ErrorPos = 0;
  std::string Message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t &) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t Position, const std::string &,
                   const nlohmann::detail::exception &Ex) override {
    ErrorPos = Position;
    Message = Ex.what();
    return false;
  }
};

} // namespace

llvm::Error checkJSONSyntax(llvm::StringRef Text, llvm::StringRef File,
                            bool IgnoreComments) {
  SyntaxErrorFinder Finder;
  if (json::sax_parse(Text.begin(), Text.end(), &Finder,
                      nlohmann::detail::input_format_t::json, /*strict=*/true,
                      IgnoreComments))
    return llvm::Error::success();
  size_t Pos = std::min(Finder.ErrorPos, Text.size());
  unsigned Line = 1 + Text.take_front(Pos ? Pos - 1 : 0).count('\n');
  // "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
  llvm::StringRef Msg = Finder.Message;
  if (size_t Colon = Msg.find(": "); Colon != llvm::StringRef::npos)
    Msg = Msg.drop_front(Colon + 2);
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("{0}:{1}: invalid JSON: {2}", File, Line, Msg).str());
}

} // namespace clang::tidy::poolguard
