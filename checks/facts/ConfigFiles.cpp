//===----------------------------------------------------------------------===//
//
// Readers of configuration files into ConfigNode trees. YAML goes through
// LLVM's YAML parser, JSON through nlohmann/json without exceptions.
//
//===----------------------------------------------------------------------===//

#include "facts/ConfigFiles.h"
#include "utils/JSONSyntax.h"
#include "utils/ReadFile.h"
#include "utils/YAMLDepth.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <nlohmann/json.hpp>

namespace clang::tidy::poolguard {

/// Deeper nesting than any real configuration is refused, not recursed into.
static constexpr unsigned MaxDepth = 64;

const ConfigNode *ConfigNode::get(llvm::StringRef Key) const {
  if (Kind != CN_Map)
    return nullptr;
  for (const auto &[K, V] : Entries)
    if (K == Key)
      return &V;
  return nullptr;
}

const ConfigNode *ConfigNode::path(llvm::StringRef Dotted) const {
  const ConfigNode *N = this;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Dotted.split(Parts, '.');
  for (llvm::StringRef P : Parts)
    if (!(N = N->get(P)))
      return nullptr;
  return N;
}

std::optional<std::string> ConfigNode::scalar() const {
  if (Kind != CN_Scalar)
    return std::nullopt;
  return Value;
}

std::optional<int64_t> ConfigNode::integer() const {
  int64_t V = 0;
  if (Kind != CN_Scalar || llvm::StringRef(Value).trim().getAsInteger(10, V))
    return std::nullopt;
  return V;
}

std::optional<bool> ConfigNode::boolean() const {
  if (Kind != CN_Scalar)
    return std::nullopt;
  llvm::StringRef V = llvm::StringRef(Value).trim();
  if (V.equals_insensitive("true") || V.equals_insensitive("yes") || V == "1")
    return true;
  if (V.equals_insensitive("false") || V.equals_insensitive("no") || V == "0")
    return false;
  return std::nullopt;
}

//===--- YAML -------------------------------------------------------------===//

namespace {

struct YAMLReader {
  llvm::SourceMgr &SM;
  std::string Error;

  ConfigNode convert(llvm::yaml::Node *N, unsigned Depth) {
    ConfigNode Out;
    if (!N || !Error.empty())
      return Out;
    Out.Line = SM.getLineAndColumn(N->getSourceRange().Start).first;
    if (Depth > MaxDepth) {
      fail(N, "nesting is too deep");
      return Out;
    }
    if (auto *S = llvm::dyn_cast<llvm::yaml::ScalarNode>(N)) {
      llvm::SmallString<64> Storage;
      Out.Kind = ConfigNode::CN_Scalar;
      Out.Value = S->getValue(Storage).str();
    } else if (auto *B = llvm::dyn_cast<llvm::yaml::BlockScalarNode>(N)) {
      Out.Kind = ConfigNode::CN_Scalar;
      Out.Value = B->getValue().str();
    } else if (auto *M = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
      Out.Kind = ConfigNode::CN_Map;
      for (llvm::yaml::KeyValueNode &KV : *M) {
        llvm::yaml::Node *Key = KV.getKey();
        std::string KeyText;
        if (auto *KS = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(Key)) {
          llvm::SmallString<32> Storage;
          KeyText = KS->getValue(Storage).str();
        }
        ConfigNode Value = convert(KV.getValue(), Depth + 1);
        if (!Error.empty())
          return Out;
        Out.Entries.emplace_back(std::move(KeyText), std::move(Value));
      }
    } else if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
      Out.Kind = ConfigNode::CN_Sequence;
      for (llvm::yaml::Node &Item : *Seq) {
        Out.Items.push_back(convert(&Item, Depth + 1));
        if (!Error.empty())
          return Out;
      }
    }
    // Aliases and null nodes stay null: userver configs substitute with
    // `$variable`, not anchors.
    return Out;
  }

  void fail(llvm::yaml::Node *N, llvm::StringRef Msg) {
    auto [Line, Col] = SM.getLineAndColumn(N->getSourceRange().Start);
    Error = llvm::formatv("{0}:{1}: {2}", Line, Col, Msg).str();
  }
};

} // namespace

llvm::Expected<std::shared_ptr<const ConfigFile>>
parseYAMLConfig(llvm::StringRef Text, llvm::StringRef Path) {
  llvm::SourceMgr SM;
  std::string DiagError;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto &Out = *static_cast<std::string *>(Ctx);
        if (Out.empty())
          Out = llvm::formatv("{0}:{1}: {2}", D.getLineNo(),
                              D.getColumnNo() + 1, D.getMessage())
                    .str();
      },
      &DiagError);
  // Reading and skipping nodes below recurses once per level.
  if (llvm::Error E = checkYAMLDepth(Text, Path, MaxDepth))
    return std::move(E);
  auto File = std::make_shared<ConfigFile>();
  File->Path = Path.str();
  llvm::yaml::Stream Stream(Text, SM, /*ShowColors=*/false);
  YAMLReader Reader{SM, {}};
  llvm::yaml::document_iterator Doc = Stream.begin();
  if (Doc != Stream.end())
    File->Root = Reader.convert(Doc->getRoot(), 0);
  // The parser is lazy: the rest of the stream is scanned for errors too.
  if (DiagError.empty() && Reader.Error.empty())
    for (; Doc != Stream.end(); ++Doc)
      Doc->skip();
  std::string Error = !DiagError.empty() ? DiagError : Reader.Error;
  if (Error.empty() && Stream.failed())
    Error = "1:1: invalid YAML";
  if (!Error.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s:%s",
                                   Path.str().c_str(), Error.c_str());
  return std::shared_ptr<const ConfigFile>(std::move(File));
}

//===--- JSON -------------------------------------------------------------===//

using nlohmann::json;

namespace {

ConfigNode fromJSON(const json &J, unsigned Depth) {
  ConfigNode Out;
  if (Depth > MaxDepth)
    return Out;
  if (J.is_object()) {
    Out.Kind = ConfigNode::CN_Map;
    for (const auto &Item : J.items())
      Out.Entries.emplace_back(Item.key(), fromJSON(Item.value(), Depth + 1));
  } else if (J.is_array()) {
    Out.Kind = ConfigNode::CN_Sequence;
    for (const json &Item : J)
      Out.Items.push_back(fromJSON(Item, Depth + 1));
  } else if (J.is_string()) {
    Out.Kind = ConfigNode::CN_Scalar;
    Out.Value = J.get<std::string>();
  } else if (!J.is_null()) {
    Out.Kind = ConfigNode::CN_Scalar;
    Out.Value = J.dump();
  }
  return Out;
}

} // namespace

llvm::Expected<std::shared_ptr<const ConfigFile>>
parseJSONConfig(llvm::StringRef Text, llvm::StringRef Path) {
  auto Root = parseJSON(Text, Path, /*IgnoreComments=*/true, MaxDepth);
  if (!Root)
    return Root.takeError();
  auto File = std::make_shared<ConfigFile>();
  File->Path = Path.str();
  File->Root = fromJSON(*Root, 0);
  return std::shared_ptr<const ConfigFile>(std::move(File));
}

//===--- Files ------------------------------------------------------------===//

static llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readFile(llvm::StringRef Path) {
  auto Buffer = readInputFile(Path, MaxConfigFileBytes);
  if (!Buffer)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read configuration file '%s': %s",
                                   Path.str().c_str(),
                                   toString(Buffer.takeError()).c_str());
  return std::move(*Buffer);
}

llvm::Expected<std::shared_ptr<const ConfigFile>>
readYAMLConfig(llvm::StringRef Path) {
  auto Buffer = readFile(Path);
  if (!Buffer)
    return Buffer.takeError();
  return parseYAMLConfig((*Buffer)->getBuffer(), Path);
}

llvm::Expected<std::shared_ptr<const ConfigFile>>
readJSONConfig(llvm::StringRef Path) {
  auto Buffer = readFile(Path);
  if (!Buffer)
    return Buffer.takeError();
  return parseJSONConfig((*Buffer)->getBuffer(), Path);
}

//===--- DSNs -------------------------------------------------------------===//

unsigned countDsnHosts(llvm::StringRef Dsn) {
  Dsn = Dsn.trim();
  llvm::StringRef Hosts;
  if (size_t Scheme = Dsn.find("://"); Scheme != llvm::StringRef::npos) {
    // scheme://[user[:password]@]host[:port][,host[:port]...][/db][?query]
    llvm::StringRef Rest = Dsn.drop_front(Scheme + 3);
    Rest = Rest.take_until([](char C) { return C == '/' || C == '?'; });
    if (size_t At = Rest.rfind('@'); At != llvm::StringRef::npos)
      Rest = Rest.drop_front(At + 1);
    Hosts = Rest;
  } else {
    // libpq keywords: host=a,b port=5432,5433 dbname=x
    llvm::SmallVector<llvm::StringRef, 8> Words;
    Dsn.split(Words, ' ', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    for (llvm::StringRef W : Words)
      if (W.consume_front("host=") || W.consume_front("hostaddr="))
        Hosts = W;
  }
  if (Hosts.empty())
    return 1;
  return std::max<unsigned>(1, Hosts.count(',') + 1);
}

} // namespace clang::tidy::poolguard
