// Mock of oatpp/core/macro/codegen.hpp (oatpp/oatpp 1.3): real names, trimmed.
// `#include OATPP_CODEGEN_BEGIN(ApiController)` includes the file that
// defines ENDPOINT; OATPP_CODEGEN_END the one that undefines it.
#ifndef POOLGUARD_MOCK_OATPP_CODEGEN_HPP
#define POOLGUARD_MOCK_OATPP_CODEGEN_HPP
#define OATPP_CODEGEN_DEFINE_ApiController "oatpp/codegen/ApiController_define.hpp"
#define OATPP_CODEGEN_UNDEF_ApiController "oatpp/codegen/ApiController_undef.hpp"
#define OATPP_CODEGEN_BEGIN(NAME) OATPP_CODEGEN_DEFINE_##NAME
#define OATPP_CODEGEN_END(NAME) OATPP_CODEGEN_UNDEF_##NAME
#endif
