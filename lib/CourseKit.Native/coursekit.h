// CourseKit native bridge: a small C ABI over libtorch.
//
// Conventions
// - Every function that can fail returns 0 on success and 1 on failure; the message of the
//   failure is then read with ck_last_error() on the same thread. No C++ exception crosses
//   this boundary, so a bad call never aborts the host process.
// - Tensors cross the boundary as opaque handles (a heap-allocated at::Tensor, i.e. one
//   reference to the underlying TensorImpl); ck_tensor_free releases that reference.
// - dtype codes are c10::ScalarType values and device codes c10::DeviceType values; both are
//   stable between libtorch 1.13 and 2.x (and equal to TorchSharp's enums).
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CK_EXPORT __attribute__((visibility("default")))

// Kinds of ck_value, the boxed argument/result of the generic operator call.
enum ck_kind {
  CK_NONE = 0,     // None / undefined tensor
  CK_TENSOR = 1,   // p: tensor handle
  CK_INT = 2,      // i
  CK_DOUBLE = 3,   // d
  CK_BOOL = 4,     // i (0 or 1)
  CK_INTS = 5,     // p: int64_t[count]
  CK_DOUBLES = 6,  // p: double[count]
  CK_TENSORS = 7,  // p: handle[count]; a null handle is an absent optional tensor
  CK_STRING = 8    // p: UTF-8, zero-terminated
};

// A tensor result also reports in `i` the bytes of the storage it refers to, so the caller can
// account for native memory without a second call.
typedef struct ck_value {
  int32_t kind;
  int32_t count;
  int64_t i;
  double d;
  void* p;
  const char* name;  // keyword argument name, or null for a positional argument
} ck_value;

CK_EXPORT const char* ck_last_error(void);
CK_EXPORT void ck_free(void* p);
CK_EXPORT const char* ck_torch_version(void);

// Tensor lifetime and data.
CK_EXPORT int ck_tensor_from_data(const void* data, int32_t dtype, const int64_t* shape, int32_t ndim,
                                  int32_t device_type, int32_t device_index, void** out);
CK_EXPORT int ck_tensor_copy_to(void* t, void* dst, int64_t nbytes);
CK_EXPORT int ck_tensor_meta(void* t, int32_t* dtype, int32_t* ndim, int64_t* shape, int32_t max_ndim,
                             int32_t* device_type, int32_t* device_index, int32_t* requires_grad);
CK_EXPORT void ck_tensor_free(void* t);
// Bytes of the storage the tensor refers to (shared by its views), 0 for an undefined tensor.
CK_EXPORT int64_t ck_tensor_nbytes(void* t);

// Autograd.
CK_EXPORT int ck_tensor_grad(void* t, void** out);
CK_EXPORT int ck_tensor_set_grad(void* t, void* grad);
CK_EXPORT int ck_tensor_is_leaf(void* t, int32_t* out);
CK_EXPORT int ck_tensor_backward(void* t, void* grad, int32_t retain_graph, int32_t create_graph);
// torch.autograd.grad: the gradients of outputs[0..n_outputs) (weighted by grad_outputs, whose
// entries may be null for scalar outputs) with respect to inputs[0..n_inputs), written as new
// handles into out[0..n_inputs); an input the outputs do not depend on gets null when
// allow_unused is set. retain_graph < 0 means "same as create_graph".
CK_EXPORT int ck_autograd_grad(void* const* outputs, void* const* grad_outputs, int32_t n_outputs,
                               void* const* inputs, int32_t n_inputs, int32_t retain_graph,
                               int32_t create_graph, int32_t allow_unused, void** out);

// The generic operator call through c10::Dispatcher.
CK_EXPORT int ck_op_find(const char* name, const char* overload, void** out);
CK_EXPORT const char* ck_op_schema(void* op);
CK_EXPORT int ck_op_call(void* op, const ck_value* args, int32_t nargs, int32_t grad_enabled,
                         ck_value* outs, int32_t max_outs, int32_t* nouts);

// Process-wide tuning of glibc's malloc, which libtorch's CPU allocator calls for every tensor:
// blocks of at least mmap_threshold bytes are mapped and unmapped one by one (each use page-faults
// its memory afresh), and the heap is trimmed when trim_threshold bytes are free at its top.
CK_EXPORT int ck_set_malloc_thresholds(int64_t mmap_threshold, int64_t trim_threshold);

// RNG, threads, devices.
CK_EXPORT int ck_manual_seed(uint64_t seed);
CK_EXPORT int ck_set_num_threads(int32_t n);
CK_EXPORT int32_t ck_get_num_threads(void);
CK_EXPORT int32_t ck_cuda_is_available(void);
// 1 when the bridge was compiled against a libtorch with CUDA (libtorch_cuda), 0 for a CPU-only one.
CK_EXPORT int32_t ck_cuda_compiled(void);
CK_EXPORT int32_t ck_cuda_device_count(void);
CK_EXPORT int ck_cuda_synchronize(int32_t device_index);

#ifdef __cplusplus
}
#endif
