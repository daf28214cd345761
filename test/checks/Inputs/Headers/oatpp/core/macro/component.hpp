// Mock of oatpp/core/macro/component.hpp: the macros expand as upstream's.
#ifndef POOLGUARD_MOCK_OATPP_MACRO_COMPONENT_HPP
#define POOLGUARD_MOCK_OATPP_MACRO_COMPONENT_HPP
#include "oatpp/core/base/Environment.hpp"
#include <typeinfo>

#define OATPP_MACRO_COMPONENT_1(TYPE, NAME)                                    \
  TYPE &NAME = (*((TYPE *)oatpp::base::Environment::getComponent(            \
      typeid(TYPE).name())))

#define OATPP_MACRO_COMPONENT_2(TYPE, NAME, QUALIFIER)                         \
  TYPE &NAME = (*((TYPE *)oatpp::base::Environment::getComponent(            \
      typeid(TYPE).name(), QUALIFIER)))

#define OATPP_MACRO_COMPONENT_SELECT(_1, _2, NAME, ...) NAME
/// Injects a component: OATPP_COMPONENT(Type, var[, "qualifier"]).
#define OATPP_COMPONENT(TYPE, ...)                                             \
  OATPP_MACRO_COMPONENT_SELECT(__VA_ARGS__, OATPP_MACRO_COMPONENT_2,           \
                               OATPP_MACRO_COMPONENT_1, )(TYPE, __VA_ARGS__)

/// Creates a component: OATPP_CREATE_COMPONENT(Type, member)([qualifier, ] value).
#define OATPP_CREATE_COMPONENT(TYPE, NAME)                                     \
  oatpp::base::Environment::Component<TYPE> NAME =                             \
      oatpp::base::Environment::Component<TYPE>
#endif
