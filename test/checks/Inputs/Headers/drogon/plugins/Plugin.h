// Mock of drogon/plugins/Plugin.h: real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_DROGON_PLUGINS_PLUGIN_H
#define POOLGUARD_MOCK_DROGON_PLUGINS_PLUGIN_H
#include <json/json.h>
namespace drogon {
class PluginBase {
public:
  virtual ~PluginBase();
  virtual void initAndStart(const Json::Value &config) = 0;
  virtual void shutdown() = 0;
};
template <typename T> class DrObject {};
template <typename T> class Plugin : public PluginBase, public DrObject<T> {
public:
  ~Plugin() override {}
};
} // namespace drogon
#endif
