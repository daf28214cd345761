//===----------------------------------------------------------------------===//
//
// The value lattice and text parsers of poolguard-dsn-query-append.
//
//===----------------------------------------------------------------------===//

#include "dsn/DsnValue.h"
#include "facts/DatabaseAddress.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"
#include <climits>

namespace clang::tidy::poolguard {

namespace {

/// Where the '?' that starts a query sits in one alternative.
struct QueryMark {
  DsnQuery State = DsnQuery::None;
  std::size_t Piece = 0;
  std::size_t Offset = 0;
};

} // namespace

static bool isQueryNameChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '-' || C == '.' || C == '[' ||
         C == ']';
}

static bool isSchemeChar(char C) {
  return llvm::isAlnum(C) || C == '+' || C == '-' || C == '.';
}

static bool isSpace(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
         C == '\v';
}

static QueryMark findQuery(llvm::ArrayRef<DsnPiece> Pieces) {
  QueryMark Mark;
  std::size_t First = 0;
  while (First < Pieces.size() && Pieces[First].Kind == DsnPiece::PK_Text &&
         Pieces[First].Text.empty())
    ++First;
  if (First == Pieces.size())
    return Mark;
  const DsnPiece &Lead = Pieces[First];
  if (Lead.Kind == DsnPiece::PK_Text && isKeywordDsn(Lead.Text))
    return Mark;

  std::string Seen;
  for (std::size_t I = First; I < Pieces.size(); ++I) {
    if (Pieces[I].Kind != DsnPiece::PK_Text)
      continue;
    llvm::StringRef Text = Pieces[I].Text;
    for (std::size_t Pos = Text.find('?'); Pos != llvm::StringRef::npos;
         Pos = Text.find('?', Pos + 1)) {
      // A '?' starts a query after a "scheme://" or before "name=value".
      bool AfterScheme = llvm::StringRef(Seen).contains("://") ||
                         Text.take_front(Pos).contains("://");
      if (AfterScheme || startsQueryParameter(Text.drop_front(Pos + 1),
                                              /*RequireValue=*/true)) {
        Mark.State = DsnQuery::Present;
        Mark.Piece = I;
        Mark.Offset = Pos;
        return Mark;
      }
    }
    Seen += Text.str();
  }
  if (Lead.Kind == DsnPiece::PK_Unknown) {
    Mark.State = DsnQuery::Maybe;
    Mark.Piece = First;
  }
  return Mark;
}

DsnQuery queryOfSequence(llvm::ArrayRef<DsnPiece> Pieces,
                         std::size_t *QueryPiece) {
  QueryMark Mark = findQuery(Pieces);
  if (QueryPiece && Mark.State != DsnQuery::None)
    *QueryPiece = Mark.Piece;
  return Mark.State;
}

//===----------------------------------------------------------------------===//
// DsnValue
//===----------------------------------------------------------------------===//

DsnValue::DsnValue() { Alternatives.emplace_back(); }

DsnValue DsnValue::text(llvm::StringRef Text, unsigned Origin) {
  DsnValue V;
  if (!Text.empty())
    V.Alternatives.front().push_back({DsnPiece::PK_Text, Text.str(), Origin});
  return V;
}

DsnValue DsnValue::atom(unsigned Origin) {
  DsnValue V;
  V.Alternatives.front().push_back({DsnPiece::PK_Atom, "", Origin});
  return V;
}

DsnValue DsnValue::unknown(llvm::StringRef Name, unsigned Origin) {
  DsnValue V;
  V.Alternatives.front().push_back({DsnPiece::PK_Unknown, Name.str(), Origin});
  return V;
}

void DsnValue::add(Sequence S) {
  llvm::erase_if(S, [](const DsnPiece &P) {
    return P.Kind == DsnPiece::PK_Text && P.Text.empty();
  });
  if (llvm::is_contained(Alternatives, S))
    return;
  Alternatives.push_back(std::move(S));
}

void DsnValue::limit() {
  if (Alternatives.size() <= MaxAlternatives)
    return;
  // Keep one alternative of every query state first, so that query() of the
  // shortened value is the query() of the full one.
  llvm::SmallVector<Sequence, 1> Kept;
  for (DsnQuery State : {DsnQuery::Present, DsnQuery::None, DsnQuery::Maybe}) {
    auto It = llvm::find_if(Alternatives, [State](const Sequence &S) {
      return queryOfSequence(S) == State;
    });
    if (It != Alternatives.end())
      Kept.push_back(*It);
  }
  for (const Sequence &S : Alternatives) {
    if (Kept.size() >= MaxAlternatives)
      break;
    if (!llvm::is_contained(Kept, S))
      Kept.push_back(S);
  }
  Alternatives = std::move(Kept);
}

DsnValue DsnValue::join(const DsnValue &A, const DsnValue &B) {
  DsnValue V = A;
  for (const Sequence &S : B.Alternatives)
    V.add(S);
  V.limit();
  return V;
}

DsnValue DsnValue::concat(const DsnValue &RHS) const {
  DsnValue V;
  V.Alternatives.clear();
  for (const Sequence &L : Alternatives) {
    for (const Sequence &R : RHS.Alternatives) {
      Sequence S = L;
      S.append(R.begin(), R.end());
      V.add(std::move(S));
    }
  }
  V.limit();
  return V;
}

DsnQuery DsnValue::query() const {
  bool AllPresent = true;
  bool AllNone = true;
  for (const Sequence &S : Alternatives) {
    DsnQuery Q = queryOfSequence(S);
    AllPresent &= Q == DsnQuery::Present;
    AllNone &= Q == DsnQuery::None;
  }
  if (AllPresent)
    return DsnQuery::Present;
  if (AllNone)
    return DsnQuery::None;
  return DsnQuery::Maybe;
}

bool DsnValue::isDsnLike() const {
  for (const Sequence &S : Alternatives) {
    std::string Text;
    for (const DsnPiece &P : S) {
      if (P.Kind == DsnPiece::PK_Unknown && isDsnName(P.Text))
        return true;
      if (P.Kind == DsnPiece::PK_Text)
        Text += P.Text;
      else
        Text += ' ';
    }
    if (hasDatabaseScheme(Text) || hasDatabaseParameter(Text))
      return true;
  }
  return false;
}

std::string DsnValue::queryExcerpt() const {
  constexpr std::size_t MaxLength = 40;
  for (const Sequence &S : Alternatives) {
    QueryMark Mark = findQuery(S);
    if (Mark.State != DsnQuery::Present)
      continue;
    std::string Query;
    for (std::size_t I = Mark.Piece; I < S.size(); ++I) {
      if (S[I].Kind != DsnPiece::PK_Text)
        break;
      Query += llvm::StringRef(S[I].Text)
                   .drop_front(I == Mark.Piece ? Mark.Offset : 0)
                   .str();
    }
    if (Query.size() > MaxLength)
      Query = Query.substr(0, MaxLength - 3) + "...";
    return "..." + Query;
  }
  return "";
}

/// libpq's error for the URL \p Pieces followed by "?<AddedKey>=...", or
/// empty (see DsnValue::libpqRejection). Unknown pieces may only come
/// before the query.
static std::string libpqRejectionOf(llvm::ArrayRef<DsnPiece> Pieces,
                                    llvm::StringRef AddedKey) {
  constexpr char UnknownMark = '\x01';
  std::string Text;
  for (const DsnPiece &P : Pieces)
    Text += P.Kind == DsnPiece::PK_Text ? llvm::StringRef(P.Text)
                                        : llvm::StringRef(&UnknownMark, 1);
  llvm::StringRef URL(Text);
  if (!URL.starts_with_insensitive("postgresql://") &&
      !URL.starts_with_insensitive("postgres://"))
    return "";
  std::size_t Question = URL.find('?');
  if (Question == llvm::StringRef::npos)
    return "";
  llvm::StringRef Query = URL.drop_front(Question + 1);
  if (Query.contains(UnknownMark))
    return "";
  std::size_t Amp = Query.rfind('&');
  llvm::StringRef Last =
      Amp == llvm::StringRef::npos ? Query : Query.drop_front(Amp + 1);
  std::size_t Eq = Last.find('=');
  if (Eq != llvm::StringRef::npos)
    return llvm::formatv("extra key/value separator \"=\" in URI query "
                         "parameter: \"{0}\"",
                         Last.take_front(Eq))
        .str();
  return llvm::formatv("invalid URI query parameter: \"{0}?{1}\"", Last,
                       AddedKey)
      .str();
}

std::string DsnValue::libpqRejection(llvm::StringRef Appended) const {
  llvm::StringRef Added = Appended.take_until([](char C) { return C == '&'; });
  std::size_t Eq = Added.find('=');
  if (Eq == llvm::StringRef::npos)
    return "";
  std::string Result;
  for (const Sequence &S : Alternatives) {
    std::string Error = libpqRejectionOf(S, Added.take_front(Eq));
    if (Error.empty() || (!Result.empty() && Error != Result))
      return "";
    Result = std::move(Error);
  }
  return Result;
}

void DsnValue::explainingOrigins(llvm::SmallVectorImpl<unsigned> &Out) const {
  for (const Sequence &S : Alternatives) {
    QueryMark Mark = findQuery(S);
    if (Mark.State == DsnQuery::None)
      continue;
    unsigned Origin = S[Mark.Piece].Origin;
    if (Origin != 0 && !llvm::is_contained(Out, Origin))
      Out.push_back(Origin);
  }
}

//===----------------------------------------------------------------------===//
// Text classification
//===----------------------------------------------------------------------===//

bool hasDatabaseScheme(llvm::StringRef Text) {
  for (std::size_t Pos = Text.find("://"); Pos != llvm::StringRef::npos;
       Pos = Text.find("://", Pos + 1)) {
    std::size_t Begin = Pos;
    while (Begin > 0 && isSchemeChar(Text[Begin - 1]))
      --Begin;
    if (isDatabaseScheme(Text.slice(Begin, Pos)))
      return true;
  }
  return false;
}

bool hasDatabaseParameter(llvm::StringRef Text) {
  static constexpr llvm::StringLiteral Names[] = {"connection_limit",
                                                  "pool_timeout",
                                                  "pool_size",
                                                  "schema",
                                                  "sslmode",
                                                  "ssl-mode",
                                                  "ssl_mode",
                                                  "application_name",
                                                  "connect_timeout",
                                                  "connection_timeout",
                                                  "socket_timeout",
                                                  "keep_alive",
                                                  "keepalives",
                                                  "sslrootcert",
                                                  "target_session_attrs",
                                                  "search_path",
                                                  "statement_timeout",
                                                  "authsource",
                                                  "replicaset",
                                                  "maxpoolsize",
                                                  "minpoolsize",
                                                  "charset",
                                                  "dbname"};
  std::string Lower = Text.lower();
  llvm::StringRef L(Lower);
  for (llvm::StringRef Name : Names) {
    for (std::size_t Pos = L.find(Name); Pos != llvm::StringRef::npos;
         Pos = L.find(Name, Pos + 1)) {
      if (Pos > 0 && !llvm::StringRef("?&; \t").contains(L[Pos - 1]))
        continue;
      llvm::StringRef Rest = L.drop_front(Pos + Name.size()).ltrim();
      if (Rest.starts_with("="))
        return true;
    }
  }
  return false;
}

static void splitWords(llvm::StringRef Name,
                       llvm::SmallVectorImpl<std::string> &Words) {
  std::string Word;
  char Prev = 0;
  for (char C : Name) {
    if (!llvm::isAlnum(C)) {
      if (!Word.empty())
        Words.push_back(Word);
      Word.clear();
      Prev = 0;
      continue;
    }
    // A lower-case letter or digit followed by an upper-case letter starts a
    // new word: dbUrl -> db, url.
    if (llvm::isUpper(C) && Prev &&
        (llvm::isLower(Prev) || llvm::isDigit(Prev)) && !Word.empty()) {
      Words.push_back(Word);
      Word.clear();
    }
    Word += llvm::toLower(C);
    Prev = C;
  }
  if (!Word.empty())
    Words.push_back(Word);
}

bool isDsnName(llvm::StringRef Name) {
  llvm::SmallVector<std::string, 8> Words;
  splitWords(Name, Words);
  auto Has = [&Words](std::initializer_list<llvm::StringRef> Set) {
    return llvm::any_of(Words, [&Set](const std::string &W) {
      return llvm::is_contained(Set, llvm::StringRef(W));
    });
  };
  for (llvm::StringRef W : Words) {
    if (W.ends_with("dsn") || W == "conninfo" || W == "connstr" ||
        W == "connstring" || W == "connection" || W == "connections" ||
        W == "dburl" || W == "dburi" || W == "databaseurl" ||
        W == "databaseuri" || W == "connectionstring" || W == "connectionurl")
      return true;
  }
  if (Has({"conn"}) && Has({"str", "string", "info", "url", "uri"}))
    return true;
  return Has({"db", "database", "pg", "postgres", "postgresql", "mysql",
              "redis", "mongo", "mongodb", "sql", "sqlite"}) &&
         Has({"url", "uri", "link", "dsn", "string", "str", "conn", "addr",
              "address"});
}

bool startsQueryParameter(llvm::StringRef AfterMark, bool RequireValue) {
  if (AfterMark.empty())
    return !RequireValue;
  llvm::StringRef Segment = AfterMark.take_until(
      [](char C) { return C == '&' || C == '?' || C == '#'; });
  llvm::StringRef Name = Segment.take_while(isQueryNameChar);
  if (Name.empty() || !(llvm::isAlpha(Name[0]) || Name[0] == '_'))
    return false;
  llvm::StringRef Rest = Segment.drop_front(Name.size());
  if (Rest.empty())
    return !RequireValue;
  if (!Rest.consume_front("="))
    return false;
  return llvm::none_of(Rest, isSpace);
}

//===----------------------------------------------------------------------===//
// Format strings
//===----------------------------------------------------------------------===//

namespace {

/// Collects the text pieces of a format string, merging adjacent characters.
class PieceBuilder {
public:
  explicit PieceBuilder(llvm::SmallVectorImpl<FormatPiece> &Pieces)
      : Pieces(Pieces) {}
  void addText(std::size_t Offset, std::size_t Length, llvm::StringRef Text) {
    if (Pieces.empty() || Pieces.back().Kind != FormatPiece::FP_Text ||
        Pieces.back().Offset + Pieces.back().Length != Offset) {
      FormatPiece P;
      P.Offset = Offset;
      Pieces.push_back(P);
    }
    Pieces.back().Length += Length;
    Pieces.back().Text += Text.str();
  }
  void addArgument(std::size_t Offset, std::size_t Length, int ArgIndex,
                   bool IsString) {
    FormatPiece P;
    P.Kind = FormatPiece::FP_Argument;
    P.Offset = Offset;
    P.Length = Length;
    P.ArgIndex = ArgIndex;
    P.IsString = IsString;
    Pieces.push_back(P);
  }

private:
  llvm::SmallVectorImpl<FormatPiece> &Pieces;
};

} // namespace

/// Parses decimal digits at \p I; returns -1 if there are none. Saturates
/// at INT_MAX ("%99999999999$s" must not overflow).
static int parseNumber(llvm::StringRef S, std::size_t &I) {
  if (I >= S.size() || !llvm::isDigit(S[I]))
    return -1;
  int N = 0;
  while (I < S.size() && llvm::isDigit(S[I])) {
    int Digit = S[I++] - '0';
    N = N > (INT_MAX - Digit) / 10 ? INT_MAX : N * 10 + Digit;
  }
  return N;
}

bool parsePrintfFormat(llvm::StringRef Format,
                       llvm::SmallVectorImpl<FormatPiece> &Pieces) {
  PieceBuilder Builder(Pieces);
  int NextArg = 0;
  std::size_t I = 0;
  while (I < Format.size()) {
    if (Format[I] != '%') {
      Builder.addText(I, 1, Format.substr(I, 1));
      ++I;
      continue;
    }
    if (I + 1 < Format.size() && Format[I + 1] == '%') {
      Builder.addText(I, 2, "%");
      I += 2;
      continue;
    }
    std::size_t Begin = I++;
    // POSIX positional argument: %2$s.
    int Position = -1;
    std::size_t Save = I;
    int N = parseNumber(Format, I);
    if (N > 0 && I < Format.size() && Format[I] == '$') {
      Position = N - 1;
      ++I;
    } else {
      I = Save;
    }
    while (I < Format.size() && llvm::StringRef("-+ #0'").contains(Format[I]))
      ++I;
    auto SkipStarOrNumber = [&] {
      if (I < Format.size() && Format[I] == '*') {
        ++I;
        std::size_t S = I;
        if (parseNumber(Format, I) > 0 && I < Format.size() && Format[I] == '$')
          ++I;
        else {
          I = S;
          ++NextArg;
        }
        return;
      }
      parseNumber(Format, I);
    };
    SkipStarOrNumber();
    if (I < Format.size() && Format[I] == '.') {
      ++I;
      SkipStarOrNumber();
    }
    while (I < Format.size() && llvm::StringRef("hlLqjzt").contains(Format[I]))
      ++I;
    if (I >= Format.size())
      return false;
    char Conv = Format[I++];
    if (!llvm::StringRef("sSdiouxXeEfFgGaAcCpnm").contains(Conv))
      return false;
    if (Conv == 'm') // glibc: strerror(errno), no argument.
    {
      Builder.addArgument(Begin, I - Begin, -1, /*IsString=*/true);
      continue;
    }
    int Index = Position >= 0 ? Position : NextArg++;
    Builder.addArgument(Begin, I - Begin, Index,
                        /*IsString=*/Conv == 's' || Conv == 'S');
  }
  return true;
}

bool parseBraceFormat(llvm::StringRef Format,
                      llvm::SmallVectorImpl<FormatPiece> &Pieces) {
  PieceBuilder Builder(Pieces);
  int NextArg = 0;
  std::size_t I = 0;
  while (I < Format.size()) {
    char C = Format[I];
    if (C == '}') {
      if (I + 1 >= Format.size() || Format[I + 1] != '}')
        return false;
      Builder.addText(I, 2, "}");
      I += 2;
      continue;
    }
    if (C != '{') {
      Builder.addText(I, 1, Format.substr(I, 1));
      ++I;
      continue;
    }
    if (I + 1 < Format.size() && Format[I + 1] == '{') {
      Builder.addText(I, 2, "{");
      I += 2;
      continue;
    }
    // A replacement field; nested fields in the spec are dynamic widths.
    std::size_t Begin = I;
    std::size_t End = I + 1;
    int Depth = 1;
    for (; End < Format.size() && Depth > 0; ++End) {
      if (Format[End] == '{')
        ++Depth;
      else if (Format[End] == '}')
        --Depth;
    }
    if (Depth != 0)
      return false;
    llvm::StringRef Field = Format.slice(Begin + 1, End - 1);
    auto [Id, Spec] = Field.split(':');
    int Index = -1;
    if (Id.empty())
      Index = NextArg++;
    else if (llvm::all_of(Id, llvm::isDigit))
      Id.getAsInteger(10, Index);
    NextArg += Spec.count("{}");
    bool IsString = Spec.empty() ||
                    !llvm::StringRef("dxXobBcfFeEgGaA").contains(Spec.back());
    Builder.addArgument(Begin, End - Begin, Index, IsString);
    I = End;
  }
  return true;
}

} // namespace clang::tidy::poolguard
