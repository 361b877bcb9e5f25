namespace VideoRecognition.Configuration;

public enum Device
{
    Cpu,
    Cuda,
}
