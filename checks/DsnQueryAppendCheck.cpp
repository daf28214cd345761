//===----------------------------------------------------------------------===//
//
// poolguard-dsn-query-append
//
//===----------------------------------------------------------------------===//

#include "DsnQueryAppendCheck.h"
#include "dsn/DsnEvaluator.h"
#include "dsn/DsnValue.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::poolguard {

namespace {

/// Database and pool APIs that take a URL DSN.
constexpr llvm::StringLiteral DefaultSinkFunctions =
    "::drogon::orm::DbClient::newPgClient;"
    "::drogon::orm::DbClient::newMysqlClient;"
    "::drogon::orm::DbClient::newSqlite3Client;"
    "::oatpp::postgresql::ConnectionProvider;"
    "::oatpp::postgresql::ConnectionProvider::createShared;"
    "::sw::redis::ConnectionOptions;"
    "::sw::redis::Redis;"
    "::sw::redis::RedisCluster;"
    "::tao::pq::connection_pool::create;"
    "::tao::pq::connection::create;"
    "::pqxx::connection;"
    "::mysqlx::Session;"
    "::mysqlx::Client;"
    "::mysqlx::getSession;"
    "::mysqlx::getClient;"
    "::mongocxx::uri;"
    "::soci::session;"
    "::userver::storages::postgres::Dsn;"
    "::PQconnectdb;"
    "::PQconnectStart";

constexpr unsigned MaxOriginNotes = 3;

/// A string literal (possibly behind conversions) that holds a '?', or the
/// character literal '?'.
const Expr *queryLiteral(const Expr *E) {
  if (!E)
    return nullptr;
  const Expr *L = ignoreStringWrappers(E);
  if (const auto *SL = dyn_cast<StringLiteral>(L))
    return SL->getCharByteWidth() == 1 && SL->getString().contains('?')
               ? SL
               : nullptr;
  if (const auto *CL = dyn_cast<CharacterLiteral>(L))
    return CL->getValue() == '?' ? CL : nullptr;
  return nullptr;
}

AST_MATCHER(Expr, isQueryLiteral) { return queryLiteral(&Node) != nullptr; }

/// A string literal with at least two '?'.
AST_MATCHER(StringLiteral, hasSecondQuestionMark) {
  return Node.getCharByteWidth() == 1 && Node.getString().count('?') >= 2;
}

/// The characters of a query literal.
StringRef literalText(const Expr *Literal) {
  if (const auto *SL = dyn_cast<StringLiteral>(Literal))
    return SL->getString();
  return "?";
}

/// Where byte \p Offset of a query literal is spelled, and whether a fix-it
/// can replace it there.
std::pair<SourceLocation, bool>
markLocation(const Expr *Literal, std::size_t Offset, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = Literal->getBeginLoc();
  // "postgresql://h/db" QUERY: a token of the literal comes from a macro.
  const auto *SL = dyn_cast<StringLiteral>(Literal);
  bool InMacro =
      Begin.isMacroID() ||
      (SL &&
       llvm::any_of(llvm::make_range(SL->tokloc_begin(), SL->tokloc_end()),
                    [](SourceLocation L) { return L.isMacroID(); }));
  if (InMacro)
    return {SM.getExpansionLoc(Begin), false};
  SourceLocation Loc = SL ? SL->getLocationOfByte(Offset, SM, Ctx.getLangOpts(),
                                                  Ctx.getTargetInfo())
                          : Begin.getLocWithOffset(1);
  // An escape ("\x3f", '\?') cannot be replaced by one character.
  if (*SM.getCharacterData(Loc) != '?')
    return {Begin, false};
  return {Loc, true};
}

bool isStringStream(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  std::string Name = RD->getQualifiedNameAsString();
  if (Name == "std::basic_ostringstream" || Name == "std::basic_stringstream")
    return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (isStringStream(Base.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

/// The stream at the left end of "os << a << b".
const Expr *streamRoot(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
    if (!OC || OC->getOperator() != OO_LessLess || OC->getNumArgs() != 2)
      return E;
    E = OC->getArg(0);
  }
}

/// The left end of "os << a << b" is a string stream.
AST_MATCHER(Expr, hasStringStreamRoot) {
  return isStringStream(streamRoot(&Node)->getType()->getAsCXXRecordDecl());
}

/// The short source text of \p E for the suggested guard, or "url".
std::string baseSpelling(const Expr *E, const SourceManager &SM,
                         const LangOptions &LangOpts) {
  constexpr llvm::StringLiteral Fallback = "url";
  if (!E)
    return Fallback.str();
  E = ignoreStringWrappers(E);
  if (!isa<DeclRefExpr>(E) && !isa<MemberExpr>(E))
    return Fallback.str();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return Fallback.str();
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, LangOpts);
  if (Text.empty() || Text.size() > 40 || Text.contains('\n'))
    return Fallback.str();
  return Text.str();
}

std::string guardedForm(const Expr *Base, const SourceManager &SM,
                        const LangOptions &LangOpts) {
  std::string Name = baseSpelling(Base, SM, LangOpts);
  const Expr *Stripped = Base ? ignoreStringWrappers(Base) : nullptr;
  if (Name != "url" && Stripped && Stripped->getType()->isPointerType())
    return "std::strchr(" + Name + ", '?') ? \"&\" : \"?\"";
  return Name + ".find('?') == std::string::npos ? \"?\" : \"&\"";
}

std::string shorten(llvm::StringRef Text, std::size_t Max) {
  if (Text.size() <= Max)
    return Text.str();
  return Text.take_front(Max - 3).str() + "...";
}

/// What the driver does with \p Base followed by '?' and \p Appended, for
/// the message: libpq (the driver of postgresql:// URLs in every C++
/// PostgreSQL library) refuses most such URLs with an error of its own;
/// other drivers read the second '?' into the previous parameter's value.
std::string driverReading(const DsnValue &Base, llvm::StringRef Appended) {
  std::string Error = Base.libpqRejection(Appended);
  if (Error.empty())
    return "the driver misreads the parameters";
  return "libpq refuses the URL ('" + Error + "')";
}

} // namespace

DsnQueryAppendCheck::DsnQueryAppendCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawSinkFunctions(
          Options.get("SinkFunctions", DefaultSinkFunctions.str())) {
  llvm::SmallVector<StringRef, 16> Names;
  StringRef(RawSinkFunctions).split(Names, ';', -1, /*KeepEmpty=*/false);
  for (StringRef N : Names) {
    N = N.trim();
    N.consume_front("::");
    if (!N.empty())
      SinkFunctions.insert(N);
  }
}

void DsnQueryAppendCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SinkFunctions", RawSinkFunctions);
}

void DsnQueryAppendCheck::registerMatchers(MatchFinder *Finder) {
  const auto QueryLiteral = expr(isQueryLiteral());
  // Last in every matcher: the cheap literal test runs first.
  const auto Spelled = allOf(unless(isExpansionInSystemHeader()),
                             unless(isInTemplateInstantiation()));

  // url + "?connection_limit=5", std::string(base) + "?sslmode=require"
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("+"),
                                         argumentCountIs(2),
                                         hasArgument(1, QueryLiteral), Spelled)
                         .bind("concat"),
                     this);
  // url += "?connection_limit=5"
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("+="),
                                         argumentCountIs(2),
                                         hasArgument(1, QueryLiteral), Spelled)
                         .bind("append-operator"),
                     this);
  // uri << "?ssl-mode=REQUIRED" on a std::ostringstream/std::stringstream
  Finder->addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("<<"), argumentCountIs(2),
                          hasArgument(1, QueryLiteral),
                          hasArgument(0, expr(hasStringStreamRoot())), Spelled)
          .bind("append-operator"),
      this);
  // url.append("?connection_limit=5"), url.push_back('?')
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("append", "push_back"))),
          argumentCountIs(1), hasArgument(0, QueryLiteral), Spelled)
          .bind("append-call"),
      this);
  // snprintf(buf, n, "%s?connection_limit=%d", url, 5)
  Finder->addMatcher(callExpr(callee(functionDecl(hasAnyName(
                                  "::sprintf", "::snprintf", "::std::sprintf",
                                  "::std::snprintf", "::asprintf"))),
                              hasAnyArgument(QueryLiteral), Spelled)
                         .bind("printf"),
                     this);
  // fmt::format("{}?connection_limit={}", url, 5)
  Finder->addMatcher(callExpr(callee(functionDecl(hasAnyName("::fmt::format",
                                                             "::std::format"))),
                              hasArgument(0, QueryLiteral), Spelled)
                         .bind("format"),
                     this);
  // absl::StrCat(url, "?connection_limit=5")
  Finder->addMatcher(callExpr(callee(functionDecl(hasAnyName(
                                  "::absl::StrCat", "::absl::StrAppend"))),
                              hasAnyArgument(QueryLiteral), Spelled)
                         .bind("str-cat"),
                     this);
  // "postgresql://h/db?schema=public?connection_limit=5"
  Finder->addMatcher(
      stringLiteral(hasSecondQuestionMark(), Spelled).bind("literal"), this);
}

/// The value of \p Prefix followed by the first Offset bytes of the literal
/// \p Lit.
static std::function<DsnValue(std::size_t)>
valueThen(DsnEvaluator &Eval, DsnValue Prefix, const Expr *Lit) {
  return [&Eval, Prefix = std::move(Prefix), Lit](std::size_t Offset) {
    const auto *SL = dyn_cast<StringLiteral>(Lit);
    return Prefix.concat(DsnValue::text(literalText(Lit).take_front(Offset),
                                        SL ? Eval.literalOrigin(SL) : 0));
  };
}

void DsnQueryAppendCheck::check(const MatchFinder::MatchResult &Result) {
  DsnEvaluator Eval(*Result.Context);
  if (checkAppend(Result, Eval) || checkFormat(Result, Eval) ||
      checkStrCat(Result, Eval))
    return;
  if (const auto *Lit = Result.Nodes.getNodeAs<StringLiteral>("literal")) {
    Site S;
    S.Literal = Lit;
    S.Anchor = Lit;
    S.ValueBefore = valueThen(Eval, DsnValue(), Lit);
    checkSite(S, Eval, Result);
  }
}

bool DsnQueryAppendCheck::checkAppend(const MatchFinder::MatchResult &Result,
                                      DsnEvaluator &Eval) {
  // `url + "?a=b"` makes a new string; `url += "?a=b"` and
  // `url.append("?a=b")` change url.
  const Expr *Anchor = nullptr, *Base = nullptr, *Literal = nullptr;
  bool ChangesBase = true;
  if (const auto *Concat =
          Result.Nodes.getNodeAs<CXXOperatorCallExpr>("concat")) {
    Anchor = Concat;
    Base = Concat->getArg(0);
    Literal = Concat->getArg(1);
    ChangesBase = false;
  } else if (const auto *Op = Result.Nodes.getNodeAs<CXXOperatorCallExpr>(
                 "append-operator")) {
    Anchor = Op;
    Base = Op->getArg(0);
    Literal = Op->getArg(1);
  } else if (const auto *Call =
                 Result.Nodes.getNodeAs<CXXMemberCallExpr>("append-call")) {
    Anchor = Call;
    Base = Call->getImplicitObjectArgument();
    Literal = Call->getArg(0);
  } else {
    return false;
  }
  Site S;
  S.Literal = queryLiteral(Literal);
  S.Anchor = Anchor;
  S.Base = Base;
  if (ChangesBase)
    S.Target = rootVariable(Base);
  S.ValueBefore = valueThen(Eval, Eval.evaluate(Base), S.Literal);
  checkSite(S, Eval, Result);
  return true;
}

bool DsnQueryAppendCheck::checkFormat(const MatchFinder::MatchResult &Result,
                                      DsnEvaluator &Eval) {
  const auto *Printf = Result.Nodes.getNodeAs<CallExpr>("printf");
  const auto *Format = Result.Nodes.getNodeAs<CallExpr>("format");
  if (!Printf && !Format)
    return false;
  const CallExpr *Call = Printf ? Printf : Format;
  int FormatIndex = Printf ? printfFormatIndex(Call) : 0;
  if (FormatIndex < 0)
    return true;
  const auto *Lit = dyn_cast_or_null<StringLiteral>(
      queryLiteral(Call->getArg(FormatIndex)));
  if (!Lit)
    return true;
  auto Pieces = std::make_shared<llvm::SmallVector<FormatPiece, 8>>();
  bool Parsed = Printf ? parsePrintfFormat(Lit->getString(), *Pieces)
                       : parseBraceFormat(Lit->getString(), *Pieces);
  if (!Parsed)
    return true;
  llvm::SmallVector<const Expr *, 8> Args(
      llvm::drop_begin(Call->arguments(), FormatIndex + 1));
  Site S;
  S.Literal = Lit;
  S.Anchor = Call;
  S.IsFormat = true;
  if (Printf && FormatIndex > 0)
    S.Target = rootVariable(Call->getArg(0));
  S.ValueBefore = [&Eval, Lit, Pieces, Args](std::size_t Offset) {
    return Eval.evaluateFormat(Lit, *Pieces, Args, Offset);
  };
  // The argument printed right before the '?', if any.
  S.BaseBefore = [Pieces, Args](std::size_t Offset) -> const Expr * {
    for (const FormatPiece &P : *Pieces)
      if (P.Kind == FormatPiece::FP_Argument &&
          P.Offset + P.Length == Offset && P.ArgIndex >= 0 &&
          static_cast<std::size_t>(P.ArgIndex) < Args.size())
        return Args[P.ArgIndex];
    return nullptr;
  };
  checkSite(S, Eval, Result);
  return true;
}

bool DsnQueryAppendCheck::checkStrCat(const MatchFinder::MatchResult &Result,
                                      DsnEvaluator &Eval) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("str-cat");
  if (!Call)
    return false;
  bool IsAppend = isStrAppendFunction(Call->getDirectCallee());
  DsnValue Prefix;
  const Expr *Previous = nullptr;
  const VarDecl *Target = nullptr;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Arg = Call->getArg(I);
    if (IsAppend && I == 0) {
      // absl::StrAppend(&url, ...)
      const auto *AddrOf = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
        return true;
      Previous = AddrOf->getSubExpr();
      Target = rootVariable(Previous);
      Prefix = Eval.evaluate(Previous);
      continue;
    }
    if (const Expr *Lit = queryLiteral(Arg)) {
      Site S;
      S.Literal = Lit;
      S.Anchor = Call;
      S.Base = Previous;
      S.Target = Target;
      S.ValueBefore = valueThen(Eval, Prefix, Lit);
      checkSite(S, Eval, Result);
    }
    Prefix = Prefix.concat(Eval.evaluate(Arg));
    Previous = Arg;
  }
  return true;
}

bool DsnQueryAppendCheck::flowsIntoSink(const Site &S, ASTContext &Ctx) const {
  return poolguard::flowsIntoSink(S.Anchor, SinkFunctions, Ctx) ||
         (S.Target && varFlowsIntoSink(S.Target, SinkFunctions, Ctx));
}

void DsnQueryAppendCheck::checkSite(const Site &S, DsnEvaluator &Eval,
                                    const MatchFinder::MatchResult &Result) {
  if (!S.Literal)
    return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LangOpts = Ctx.getLangOpts();
  StringRef Text = literalText(S.Literal);

  for (std::size_t Offset = Text.find('?'); Offset != StringRef::npos;
       Offset = Text.find('?', Offset + 1)) {
    // Only a '?' that starts parameters: "?a=1", "?flag", a lone "?".
    StringRef After = Text.drop_front(Offset + 1);
    bool FieldAfter =
        S.IsFormat && (After.starts_with("%") || After.starts_with("{"));
    if (!FieldAfter && !startsQueryParameter(After, /*RequireValue=*/false))
      continue;
    auto Key = std::make_pair(S.Literal, static_cast<unsigned>(Offset));
    if (Reported.contains(Key))
      continue;
    DsnValue Base = S.ValueBefore(Offset);
    DsnQuery Query = Base.query();
    if (Query == DsnQuery::None)
      continue;
    // A URL of unknown origin: only when it is a DSN.
    if (Query == DsnQuery::Maybe && !Base.isDsnLike() &&
        !hasDatabaseParameter(Text.drop_front(Offset)) &&
        !flowsIntoSink(S, Ctx))
      continue;
    const Expr *BaseExpr = S.BaseBefore ? S.BaseBefore(Offset) : S.Base;
    if (isGuardedByQueryProbe(S.Anchor, BaseExpr, Ctx))
      return;

    Reported.insert(Key);
    auto [MarkLoc, CanFix] = markLocation(S.Literal, Offset, Ctx);
    llvm::SmallVector<unsigned, 4> Origins;
    Base.explainingOrigins(Origins);
    const auto *SL = dyn_cast<StringLiteral>(S.Literal);
    unsigned Self = SL ? Eval.literalOrigin(SL) : 0;

    if (Query == DsnQuery::Present) {
      bool SameLiteral = !Origins.empty() && Origins.front() == Self;
      std::string Excerpt = Base.queryExcerpt();
      if (SameLiteral)
        Excerpt += shorten(Text.drop_front(Offset), 30);
      auto Diag = diag(MarkLoc, SameLiteral
                                    ? "query string has a second '?' ('%0'); "
                                      "%1; use '&' to separate parameters"
                                    : "query string appended with '?' to a "
                                      "URL that already contains a query "
                                      "('%0'); the result has two '?' and %1; "
                                      "use '&' to add a parameter")
                  << Excerpt
                  << driverReading(Base, FieldAfter ? StringRef() : After);
      if (CanFix)
        Diag << FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(MarkLoc, MarkLoc.getLocWithOffset(1)),
            "&");
    } else {
      diag(MarkLoc, "query string appended with '?' to a URL that may already "
                    "contain a query; check for an existing '?' and use '&' "
                    "when there is one");
    }

    unsigned Notes = 0;
    for (unsigned Id : Origins) {
      const DsnOrigin &O = Eval.origin(Id);
      if (Id == Self || O.Loc.isInvalid())
        continue;
      if (Notes++ == MaxOriginNotes)
        break;
      // A query added on only some paths.
      bool QueryOnSomePaths =
          Query == DsnQuery::Maybe && O.Message == DsnOrigin::DefinedHere;
      diag(O.Loc, "%0", DiagnosticIDs::Note)
          << (QueryOnSomePaths ? "a query is added here on some paths"
                               : O.Message);
    }
    if (Query == DsnQuery::Maybe)
      diag(MarkLoc, "choose the separator with '%0'", DiagnosticIDs::Note)
          << guardedForm(BaseExpr, SM, LangOpts);
    return;
  }
}

} // namespace clang::tidy::poolguard
