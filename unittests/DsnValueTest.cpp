//===----------------------------------------------------------------------===//
//
// Unit tests of the value lattice and text parsers of
// poolguard-dsn-query-append.
//
//===----------------------------------------------------------------------===//

#include "dsn/DsnValue.h"
#include "facts/DatabaseAddress.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

DsnValue text(llvm::StringRef S, unsigned Origin = 0) {
  return DsnValue::text(S, Origin);
}

TEST(DsnValueTest, EmptyStringHasNoQuery) {
  EXPECT_EQ(DsnValue().query(), DsnQuery::None);
  EXPECT_FALSE(DsnValue().isDsnLike());
  EXPECT_EQ(DsnValue().queryExcerpt(), "");
}

TEST(DsnValueTest, LiteralWithQuery) {
  DsnValue V = text("postgresql://u:p@h:5432/db?schema=public");
  EXPECT_EQ(V.query(), DsnQuery::Present);
  EXPECT_TRUE(V.isDsnLike());
  EXPECT_EQ(V.queryExcerpt(), "...?schema=public");
}

// libpq's errors for a second '?', as test/pg/dsn-libpq.test records them
// from PQconninfoParse.
TEST(DsnValueTest, LibpqRejectsASecondQuestionMark) {
  DsnValue Incident = text("postgresql://u:p@h:5432/db?schema=public");
  EXPECT_EQ(Incident.libpqRejection("connection_limit=5"),
            "extra key/value separator \"=\" in URI query parameter: "
            "\"schema\"");
  EXPECT_EQ(text("postgres://h/db?a=1&sslmode=require")
                .libpqRejection("connect_timeout=5&x=1"),
            "extra key/value separator \"=\" in URI query parameter: "
            "\"sslmode\"");
  // The last parameter has no value: its name swallows the added one.
  EXPECT_EQ(text("postgresql://h/db?ssl").libpqRejection("connect_timeout=5"),
            "invalid URI query parameter: \"ssl?connect_timeout\"");
  // An unknown host is fine; an unknown query part is not known.
  DsnValue Host =
      text("postgresql://").concat(DsnValue::unknown("host")).concat(
          text("/db?schema=public"));
  EXPECT_NE(Host.libpqRejection("connection_limit=5"), "");
  DsnValue Query = text("postgresql://h/db?schema=")
                       .concat(DsnValue::unknown("schema"));
  EXPECT_EQ(Query.libpqRejection("connection_limit=5"), "");
}

TEST(DsnValueTest, LibpqReadsOtherSecondQuestionMarks) {
  DsnValue V = text("postgresql://h/db?schema=public");
  // No '=': libpq takes "public?debug" as the value.
  EXPECT_EQ(V.libpqRejection("debug"), "");
  // Not libpq's URL, or not all alternatives are.
  EXPECT_EQ(text("mysql://h/db?ssl-mode=REQUIRED").libpqRejection("a=1"), "");
  EXPECT_EQ(DsnValue::join(V, text("redis://h?db=1")).libpqRejection("a=1"),
            "");
  EXPECT_EQ(text("postgresql://h/db").libpqRejection("a=1"), "");
}

TEST(DsnValueTest, LiteralWithoutQuery) {
  EXPECT_EQ(text("postgresql://h/db").query(), DsnQuery::None);
  EXPECT_EQ(text("postgresql://h/db?").query(), DsnQuery::Present);
}

TEST(DsnValueTest, QuestionMarkOutsideUrlsIsNotAQuery) {
  EXPECT_EQ(text("Is it ready?").query(), DsnQuery::None);
  EXPECT_EQ(text("SELECT a FROM t WHERE x = ? AND y = ?").query(),
            DsnQuery::None);
  // Without a scheme, a '?' followed by name=value is a query.
  EXPECT_EQ(text("/db?schema=public").query(), DsnQuery::Present);
}

TEST(DsnValueTest, UnknownBaseMayHaveQuery) {
  DsnValue V = DsnValue::unknown("DATABASE_URL", 7);
  EXPECT_EQ(V.query(), DsnQuery::Maybe);
  EXPECT_TRUE(V.isDsnLike());
  llvm::SmallVector<unsigned, 2> Origins;
  V.explainingOrigins(Origins);
  ASSERT_EQ(Origins.size(), 1u);
  EXPECT_EQ(Origins[0], 7u);
}

TEST(DsnValueTest, UnknownComponentsAfterTextHaveNoQuery) {
  // "postgresql://" + user + "@" + host + "/" + db
  DsnValue V = text("postgresql://")
                   .concat(DsnValue::unknown("user"))
                   .concat(text("@"))
                   .concat(DsnValue::unknown("host"))
                   .concat(text(":"))
                   .concat(DsnValue::atom())
                   .concat(text("/"))
                   .concat(DsnValue::unknown("db"));
  EXPECT_EQ(V.query(), DsnQuery::None);
  EXPECT_TRUE(V.isDsnLike());
}

TEST(DsnValueTest, EmptyTextDoesNotHideALeadingUnknown) {
  DsnValue V = DsnValue().concat(text("")).concat(DsnValue::unknown("url"));
  EXPECT_EQ(V.query(), DsnQuery::Maybe);
  EXPECT_FALSE(V.isDsnLike());
}

TEST(DsnValueTest, AtomsNeverCarryAQuery) {
  EXPECT_EQ(DsnValue::atom().query(), DsnQuery::None);
  EXPECT_EQ(DsnValue::atom().concat(DsnValue::unknown("x")).query(),
            DsnQuery::None);
}

TEST(DsnValueTest, QueryAfterUnknownBaseIsDefinite) {
  // url + "/db?sslmode=require", then another "?..."
  DsnValue V = DsnValue::unknown("url").concat(text("/db?sslmode=require", 3));
  EXPECT_EQ(V.query(), DsnQuery::Present);
  llvm::SmallVector<unsigned, 2> Origins;
  V.explainingOrigins(Origins);
  ASSERT_EQ(Origins.size(), 1u);
  EXPECT_EQ(Origins[0], 3u);
}

TEST(DsnValueTest, JoinOfDifferentStatesIsMaybe) {
  DsnValue WithQuery = text("postgresql://h/db?sslmode=require", 1);
  DsnValue Without = text("postgresql://h/db", 2);
  EXPECT_EQ(DsnValue::join(WithQuery, Without).query(), DsnQuery::Maybe);
  EXPECT_EQ(DsnValue::join(WithQuery, WithQuery).query(), DsnQuery::Present);
  EXPECT_EQ(DsnValue::join(Without, Without).query(), DsnQuery::None);
  EXPECT_EQ(DsnValue::join(WithQuery, WithQuery).alternatives().size(), 1u);

  llvm::SmallVector<unsigned, 2> Origins;
  DsnValue::join(WithQuery, Without).explainingOrigins(Origins);
  ASSERT_EQ(Origins.size(), 1u);
  EXPECT_EQ(Origins[0], 1u);
}

TEST(DsnValueTest, ConcatDistributesOverAlternatives) {
  DsnValue Base =
      DsnValue::join(text("postgresql://a/db"), text("postgresql://b/db"));
  DsnValue V = Base.concat(text("?schema=public"));
  EXPECT_EQ(V.alternatives().size(), 2u);
  EXPECT_EQ(V.query(), DsnQuery::Present);
}

TEST(DsnValueTest, AlternativesAreLimitedWithoutLosingStates) {
  DsnValue V = text("postgresql://h/db?a=1");
  for (int I = 0; I < 20; ++I)
    V = DsnValue::join(V, text("postgresql://h" + std::to_string(I) + "/db"));
  EXPECT_LE(V.alternatives().size(), DsnValue::MaxAlternatives);
  EXPECT_EQ(V.query(), DsnQuery::Maybe);

  DsnValue Many = DsnValue::join(text("postgresql://a/db"), text("x"))
                      .concat(DsnValue::join(text("1"), text("2")))
                      .concat(DsnValue::join(text("3"), text("4")))
                      .concat(DsnValue::join(text("5"), text("6")))
                      .concat(DsnValue::join(text("7"), text("8")));
  EXPECT_LE(Many.alternatives().size(), DsnValue::MaxAlternatives);
}

TEST(DsnValueTest, LongExcerptsAreShortened) {
  DsnValue V = text("postgresql://h/db?application_name=a-very-long-"
                    "application-name-for-the-report");
  std::string Excerpt = V.queryExcerpt();
  EXPECT_EQ(Excerpt.substr(0, 4), "...?");
  EXPECT_LE(Excerpt.size(), 43u);
  EXPECT_EQ(Excerpt.substr(Excerpt.size() - 3), "...");
}

TEST(DsnValueTest, KeywordDsnsHaveNoQuery) {
  EXPECT_EQ(text("host=h dbname=db password=a?b").query(), DsnQuery::None);
  EXPECT_EQ(text("postgresql:dbname=db;@pool_size=10").query(), DsnQuery::None);
}

TEST(DsnTextTest, DatabaseSchemes) {
  EXPECT_TRUE(isDatabaseScheme("postgresql"));
  EXPECT_TRUE(isDatabaseScheme("POSTGRES"));
  EXPECT_TRUE(isDatabaseScheme("mongodb+srv"));
  EXPECT_TRUE(isDatabaseScheme("rediss"));
  EXPECT_TRUE(isDatabaseScheme("tcp"));
  EXPECT_FALSE(isDatabaseScheme("https"));
  EXPECT_FALSE(isDatabaseScheme(""));

  EXPECT_TRUE(hasDatabaseScheme("mysqlx://root@h:33060/db"));
  EXPECT_TRUE(hasDatabaseScheme("jdbc:postgresql://h/db"));
  EXPECT_FALSE(hasDatabaseScheme("https://example.com/?q=1"));
  EXPECT_FALSE(hasDatabaseScheme("postgresql:dbname=db"));
}

TEST(DsnTextTest, DatabaseParameters) {
  EXPECT_TRUE(hasDatabaseParameter("?connection_limit=5"));
  EXPECT_TRUE(hasDatabaseParameter("&pool_timeout=10"));
  EXPECT_TRUE(hasDatabaseParameter("?sslmode=require"));
  EXPECT_TRUE(hasDatabaseParameter("?ssl-mode=REQUIRED"));
  EXPECT_TRUE(hasDatabaseParameter("host=h sslmode = require"));
  EXPECT_TRUE(hasDatabaseParameter("?keep_alive=true&pool_size=3"));
  EXPECT_FALSE(hasDatabaseParameter("?page=2"));
  EXPECT_FALSE(hasDatabaseParameter("?myschema=1"));
  EXPECT_FALSE(hasDatabaseParameter("schema"));
}

TEST(DsnTextTest, DsnNames) {
  for (llvm::StringRef Name :
       {"DATABASE_URL", "DSN", "DB_URL", "dbUrl", "CONNECTION", "conninfo",
        "connectionString", "DATABASE_LINK", "kRedisUri", "pgDsn", "conn_str",
        "getDatabaseUrl", "config.db.url", "DBUrl"})
    EXPECT_TRUE(isDsnName(Name)) << Name.str();
  for (llvm::StringRef Name : {"url", "baseUrl", "title", "GetReidsUrl",
                               "database", "host", "", "connect"})
    EXPECT_FALSE(isDsnName(Name)) << Name.str();
}

TEST(DsnTextTest, KeywordDsns) {
  EXPECT_TRUE(isKeywordDsn("host=localhost port=5432 dbname=db"));
  EXPECT_TRUE(isKeywordDsn("  dbname = db"));
  EXPECT_TRUE(isKeywordDsn("host=localhost;port=3306;db=test"));
  EXPECT_TRUE(isKeywordDsn("postgresql:dbname=test;@pool_size=10"));
  EXPECT_FALSE(isKeywordDsn("postgresql://h/db"));
  EXPECT_FALSE(isKeywordDsn("redis://h:6379"));
  EXPECT_FALSE(isKeywordDsn("/db?schema=public"));
  EXPECT_FALSE(isKeywordDsn(""));
}

TEST(DsnTextTest, QueryParameterStarts) {
  EXPECT_TRUE(startsQueryParameter("connection_limit=5", true));
  EXPECT_TRUE(startsQueryParameter("ssl-mode=REQUIRED&x=1", true));
  EXPECT_TRUE(startsQueryParameter("keep_alive", false));
  EXPECT_FALSE(startsQueryParameter("keep_alive", true));
  EXPECT_TRUE(startsQueryParameter("", false));
  EXPECT_FALSE(startsQueryParameter("", true));
  EXPECT_FALSE(startsQueryParameter(" (y/n)", false));
  EXPECT_FALSE(startsQueryParameter("x = 1", true));
  EXPECT_FALSE(startsQueryParameter("=1", false));
  EXPECT_FALSE(startsQueryParameter("a=b c", true));
}

TEST(DsnFormatTest, Printf) {
  llvm::SmallVector<FormatPiece, 8> P;
  ASSERT_TRUE(parsePrintfFormat("%s?connection_limit=%d", P));
  ASSERT_EQ(P.size(), 3u);
  EXPECT_EQ(P[0].Kind, FormatPiece::FP_Argument);
  EXPECT_EQ(P[0].ArgIndex, 0);
  EXPECT_TRUE(P[0].IsString);
  EXPECT_EQ(P[0].Offset, 0u);
  EXPECT_EQ(P[0].Length, 2u);
  EXPECT_EQ(P[1].Kind, FormatPiece::FP_Text);
  EXPECT_EQ(P[1].Text, "?connection_limit=");
  EXPECT_EQ(P[1].Offset, 2u);
  EXPECT_EQ(P[2].ArgIndex, 1);
  EXPECT_FALSE(P[2].IsString);
}

TEST(DsnFormatTest, PrintfEscapesWidthsAndPositions) {
  llvm::SmallVector<FormatPiece, 8> P;
  ASSERT_TRUE(parsePrintfFormat("100%% %*.*s|%-10lld|%2$s", P));
  ASSERT_EQ(P.size(), 6u);
  EXPECT_EQ(P[0].Text, "100% ");
  EXPECT_EQ(P[0].Length, 6u);
  EXPECT_EQ(P[1].ArgIndex, 2); // '*' and '.*' consume 0 and 1.
  EXPECT_EQ(P[3].ArgIndex, 3);
  EXPECT_FALSE(P[3].IsString);
  EXPECT_EQ(P[5].ArgIndex, 1);

  P.clear();
  EXPECT_FALSE(parsePrintfFormat("%", P));
  P.clear();
  EXPECT_FALSE(parsePrintfFormat("%y", P));
}

TEST(DsnFormatTest, Braces) {
  llvm::SmallVector<FormatPiece, 8> P;
  ASSERT_TRUE(parseBraceFormat("postgres://{}:{}@{}/{}?sslmode={:>8}", P));
  int Fields = 0;
  for (const FormatPiece &F : P) {
    if (F.Kind == FormatPiece::FP_Argument) {
      EXPECT_EQ(F.ArgIndex, Fields++);
    }
  }
  EXPECT_EQ(Fields, 5);
  EXPECT_EQ(P[0].Text, "postgres://");

  P.clear();
  ASSERT_TRUE(parseBraceFormat("{1}?a={0:d}&b={name}{{}}", P));
  ASSERT_EQ(P.size(), 6u);
  EXPECT_EQ(P[0].ArgIndex, 1);
  EXPECT_EQ(P[2].ArgIndex, 0);
  EXPECT_FALSE(P[2].IsString);
  EXPECT_EQ(P[4].ArgIndex, -1);
  EXPECT_EQ(P[5].Text, "{}");

  P.clear();
  EXPECT_FALSE(parseBraceFormat("{", P));
  P.clear();
  EXPECT_FALSE(parseBraceFormat("}", P));
}

} // namespace
} // namespace clang::tidy::poolguard
