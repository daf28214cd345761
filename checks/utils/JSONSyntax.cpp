//===----------------------------------------------------------------------===//
//
// Bounded parsing of JSON and typed reading of its fields.
//
//===----------------------------------------------------------------------===//

#include "utils/JSONSyntax.h"
#include "llvm/Support/FormatVariadic.h"
#include <algorithm>
#include <nlohmann/json.hpp>

namespace clang::tidy::poolguard {

namespace {

/// nlohmann's DOM builder behind a SAX that stops the parse when arrays and
/// objects nest deeper than a limit and records where a syntax error is,
/// without exceptions.
template <typename BasicJson> class BoundedDomParser {
public:
  using number_integer_t = typename BasicJson::number_integer_t;
  using number_unsigned_t = typename BasicJson::number_unsigned_t;
  using number_float_t = typename BasicJson::number_float_t;
  using string_t = typename BasicJson::string_t;
  using binary_t = typename BasicJson::binary_t;

  BoundedDomParser(BasicJson &Root, unsigned MaxDepth)
      : Dom(Root, /*allow_exceptions=*/false), MaxDepth(MaxDepth) {}

  bool null() { return Dom.null(); }
  bool boolean(bool B) { return Dom.boolean(B); }
  bool number_integer(number_integer_t N) { return Dom.number_integer(N); }
  bool number_unsigned(number_unsigned_t N) { return Dom.number_unsigned(N); }
  bool number_float(number_float_t N, const string_t &S) {
    return Dom.number_float(N, S);
  }
  bool string(string_t &S) { return Dom.string(S); }
  bool binary(binary_t &B) { return Dom.binary(B); }
  bool start_object(std::size_t N) { return enter() && Dom.start_object(N); }
  bool key(string_t &S) { return Dom.key(S); }
  bool end_object() {
    --Depth;
    return Dom.end_object();
  }
  bool start_array(std::size_t N) { return enter() && Dom.start_array(N); }
  bool end_array() {
    --Depth;
    return Dom.end_array();
  }
  template <typename Exception>
  bool parse_error(std::size_t Position, const std::string &,
                   const Exception &Ex) {
    ErrorPos = Position;
    Message = Ex.what();
    return false;
  }

  bool TooDeep = false;
  size_t ErrorPos = 0;
  std::string Message;

private:
  bool enter() {
    if (++Depth <= MaxDepth)
      return true;
    TooDeep = true;
    return false;
  }

  nlohmann::detail::json_sax_dom_parser<BasicJson> Dom;
  unsigned MaxDepth;
  unsigned Depth = 0;
};

/// The 1-based line of the bracket that opens nesting level \p Level of
/// \p Text (which the parser read up to there), skipping strings and, when
/// \p IgnoreComments, comments.
unsigned lineOfLevel(llvm::StringRef Text, unsigned Level,
                     bool IgnoreComments) {
  unsigned Line = 1, Depth = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\n') {
      ++Line;
    } else if (C == '"') {
      for (++I; I < Text.size() && Text[I] != '"'; ++I)
        if (Text[I] == '\\')
          ++I;
    } else if (IgnoreComments && C == '/' && I + 1 < Text.size() &&
               (Text[I + 1] == '/' || Text[I + 1] == '*')) {
      llvm::StringRef End = Text[I + 1] == '/' ? "\n" : "*/";
      size_t Stop = Text.find(End, I + 2);
      Stop = Stop == llvm::StringRef::npos ? Text.size() : Stop;
      Line += Text.slice(I, Stop).count('\n');
      I = End == "\n" ? Stop - 1 : Stop + 1;
    } else if (C == '[' || C == '{') {
      if (++Depth == Level)
        return Line;
    } else if (C == ']' || C == '}') {
      --Depth;
    }
  }
  return Line;
}

template <typename BasicJson>
llvm::Expected<BasicJson> parseBounded(llvm::StringRef Text,
                                       llvm::StringRef File,
                                       bool IgnoreComments, unsigned MaxDepth) {
  BasicJson Root;
  BoundedDomParser<BasicJson> Parser(Root, MaxDepth);
  if (BasicJson::sax_parse(Text.begin(), Text.end(), &Parser,
                           nlohmann::detail::input_format_t::json,
                           /*strict=*/true, IgnoreComments))
    return std::move(Root);
  if (Parser.TooDeep)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}: nesting deeper than {2} levels", File,
                      lineOfLevel(Text, MaxDepth + 1, IgnoreComments), MaxDepth)
            .str());
  size_t Pos = std::min(Parser.ErrorPos, Text.size());
  unsigned Line = 1 + Text.take_front(Pos ? Pos - 1 : 0).count('\n');
  // "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
  llvm::StringRef Msg = Parser.Message;
  if (size_t Colon = Msg.find(": "); Colon != llvm::StringRef::npos)
    Msg = Msg.drop_front(Colon + 2);
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("{0}:{1}: invalid JSON: {2}", File, Line, Msg).str());
}

} // namespace

llvm::Expected<nlohmann::json> parseJSON(llvm::StringRef Text,
                                         llvm::StringRef File,
                                         bool IgnoreComments,
                                         unsigned MaxDepth) {
  return parseBounded<nlohmann::json>(Text, File, IgnoreComments, MaxDepth);
}

llvm::Expected<nlohmann::ordered_json> parseOrderedJSON(llvm::StringRef Text,
                                                        llvm::StringRef File,
                                                        bool IgnoreComments,
                                                        unsigned MaxDepth) {
  return parseBounded<nlohmann::ordered_json>(Text, File, IgnoreComments,
                                              MaxDepth);
}

JSONFieldReader::JSONFieldReader(const nlohmann::json &Obj, std::string Where,
                                 std::string &Error)
    : Obj(Obj), Where(std::move(Where)), Error(Error) {
  if (!Obj.is_object())
    fail("", "an object");
}

const nlohmann::json *JSONFieldReader::find(const char *Key) const {
  if (!Obj.is_object())
    return nullptr;
  auto It = Obj.find(Key);
  return It == Obj.end() ? nullptr : &*It;
}

std::string JSONFieldReader::str(const char *Key) {
  const nlohmann::json *V = find(Key);
  if (!V)
    return {};
  if (!V->is_string()) {
    fail(Key, "a string");
    return {};
  }
  return V->get_ref<const std::string &>();
}

bool JSONFieldReader::boolean(const char *Key) {
  const nlohmann::json *V = find(Key);
  if (!V)
    return false;
  if (!V->is_boolean()) {
    fail(Key, "a boolean");
    return false;
  }
  return V->get<bool>();
}

unsigned JSONFieldReader::uns(const char *Key, unsigned Default) {
  const nlohmann::json *V = find(Key);
  if (!V)
    return Default;
  if (!V->is_number_unsigned() || V->get<uint64_t>() > UINT32_MAX) {
    fail(Key, "an unsigned number");
    return Default;
  }
  return V->get<unsigned>();
}

std::optional<int64_t> JSONFieldReader::optInt(const char *Key) {
  const nlohmann::json *V = find(Key);
  if (!V || V->is_null())
    return std::nullopt;
  if (!V->is_number_integer() ||
      (V->is_number_unsigned() && V->get<uint64_t>() > INT64_MAX)) {
    fail(Key, "an integer");
    return std::nullopt;
  }
  return V->get<int64_t>();
}

void JSONFieldReader::each(
    const char *Key, llvm::function_ref<void(JSONFieldReader &)> ReadOne) {
  const nlohmann::json *Array = find(Key);
  if (!Array)
    return;
  if (!Array->is_array()) {
    fail(Key, "an array");
    return;
  }
  const std::string Prefix = (Where.empty() ? "" : Where + ".") + Key + "[";
  for (size_t I = 0; I < Array->size() && Error.empty(); ++I) {
    JSONFieldReader Element((*Array)[I], Prefix + std::to_string(I) + "]",
                            Error);
    ReadOne(Element);
  }
}

void JSONFieldReader::fail(llvm::StringRef Key, llvm::StringRef Expected) {
  if (!Error.empty())
    return;
  Error = Where;
  if (!Key.empty())
    Error += ((Where.empty() ? "" : ".") + Key).str();
  Error += (": expected " + Expected).str();
}

} // namespace clang::tidy::poolguard
