// Mock of drogon/HttpAppFramework.h: real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_DROGON_HTTPAPPFRAMEWORK_H
#define POOLGUARD_MOCK_DROGON_HTTPAPPFRAMEWORK_H
#include "drogon/orm/DbClient.h"
#include "drogon/orm/DbConfig.h"
#include "drogon/plugins/Plugin.h"
#include "drogon/HttpTypes.h"
#include "trantor/net/EventLoop.h"
#include <cstddef>
#include <string>
#include <vector>
namespace drogon {
class HttpAppFramework {
public:
  virtual ~HttpAppFramework();
  static HttpAppFramework &instance();
  virtual HttpAppFramework &
  createDbClient(const std::string &dbType, const std::string &host,
                 unsigned short port, const std::string &databaseName,
                 const std::string &userName, const std::string &password,
                 size_t connectionNum = 1, const std::string &filename = "",
                 const std::string &name = "default", bool isFast = false,
                 const std::string &characterSet = "", double timeout = -1.0,
                 bool autoBatch = false) = 0;
  virtual HttpAppFramework &addDbClient(const orm::DbConfig &config) = 0;
  virtual orm::DbClientPtr getDbClient(const std::string &name = "default") = 0;
  virtual orm::DbClientPtr
  getFastDbClient(const std::string &name = "default") = 0;
  template <typename FUNCTION>
  HttpAppFramework &
  registerHandler(const std::string &pathPattern, FUNCTION &&function,
                  const std::vector<internal::HttpConstraint> &constraints = {},
                  const std::string &handlerName = "") {
    return *this;
  }
  virtual HttpAppFramework &setThreadNum(size_t threadNum) = 0;
  virtual HttpAppFramework &loadConfigFile(const std::string &fileName) = 0;
  virtual void run() = 0;
  virtual trantor::EventLoop *getLoop() const = 0;
  virtual PluginBase *getPlugin(const std::string &name) = 0;
  template <typename T> T *getPlugin() {
    return dynamic_cast<T *>(getPlugin(std::string()));
  }
};
inline HttpAppFramework &app() { return HttpAppFramework::instance(); }
} // namespace drogon
#endif
