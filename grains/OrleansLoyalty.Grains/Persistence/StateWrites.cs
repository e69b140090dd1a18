namespace OrleansLoyalty.Grains.Persistence;

public static class StateWrites
{
    /// <summary>
    /// Writes the state (with its companions). When the write fails, the activation's memory may be ahead of what is
    /// stored: the activation is dropped, so the next call reads the stored state again, rather than written later
    /// with something else.
    /// </summary>
    public static async Task WriteOrDropActivation<TState>(this IPersistentState<TState> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
