// Mock of drogon/orm/DbClient.h: real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_DROGON_ORM_DBCLIENT_H
#define POOLGUARD_MOCK_DROGON_ORM_DBCLIENT_H
#include <cstddef>
#include <memory>
#include <string>
namespace drogon {
namespace orm {
class DbClient {
public:
  virtual ~DbClient();
  static std::shared_ptr<DbClient> newPgClient(const std::string &connInfo,
                                               size_t connNum,
                                               bool autoBatch = false);
  static std::shared_ptr<DbClient> newMysqlClient(const std::string &connInfo,
                                                  size_t connNum);
  static std::shared_ptr<DbClient>
  newSqlite3Client(const std::string &connInfo, size_t connNum);
};
using DbClientPtr = std::shared_ptr<DbClient>;
} // namespace orm
} // namespace drogon
#endif
