// The machine types' figures live in the model (its checks need them: a pod must fit a node of its environment, a
// cluster's machine type must be its provider's); node sizing and cost read them from here.
export { INSTANCE_TYPES, allocatable, reservedCpu, instanceTypesOf, type Allocatable, type InstanceTypeInfo } from "@cloudlab/model";
