// Mock of drogon/orm/DbConfig.h (drogon >= 1.9.2), trimmed.
#ifndef POOLGUARD_MOCK_DROGON_ORM_DBCONFIG_H
#define POOLGUARD_MOCK_DROGON_ORM_DBCONFIG_H
#include <cstddef>
#include <string>
#include <variant>
namespace drogon {
namespace orm {
struct PostgresConfig {
  std::string host;
  unsigned short port;
  std::string databaseName;
  std::string username;
  std::string password;
  size_t connectionNumber;
  std::string name;
  bool isFast;
  std::string characterSet;
  double timeout;
  bool autoBatch;
};
struct MysqlConfig {
  std::string host;
  unsigned short port;
  std::string databaseName;
  std::string username;
  std::string password;
  size_t connectionNumber;
  std::string name;
  bool isFast;
  std::string characterSet;
  double timeout;
};
struct Sqlite3Config {
  size_t connectionNumber;
  std::string filename;
  std::string name;
  double timeout;
};
using DbConfig = std::variant<PostgresConfig, MysqlConfig, Sqlite3Config>;
} // namespace orm
} // namespace drogon
#endif
